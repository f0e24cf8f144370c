using System.Globalization;

namespace MirrorChain.Contracts.Mirror.Gov;

/// <summary>mirror_gov's error texts (v2.1.4 = HEAD). All are <c>StdError::generic_err</c>, displayed "Generic error: …".</summary>
internal static class GovErrors
{
    public static ContractException Unauthorized() => ContractException.Generic("unauthorized");

    public static ContractException InvalidHook() => Common.Cw20Hook.Invalid();

    public static ContractException InvalidReplyId() => ContractException.Generic("reply id is invalid");

    public static ContractException TitleTooShort() => ContractException.Generic("Title too short");

    public static ContractException TitleTooLong() => ContractException.Generic("Title too long");

    public static ContractException DescriptionTooShort() => ContractException.Generic("Description too short");

    public static ContractException DescriptionTooLong() => ContractException.Generic("Description too long");

    public static ContractException LinkTooShort() => ContractException.Generic("Link too short");

    public static ContractException LinkTooLong() => ContractException.Generic("Link too long");

    public static ContractException Quorum() => ContractException.Generic("quorum must be 0 to 1");

    public static ContractException Threshold() => ContractException.Generic("threshold must be 0 to 1");

    public static ContractException VoterWeight() => ContractException.Generic("voter_weight must be smaller than 1");

    public static ContractException InsufficientDeposit(UInt128 proposalDeposit) =>
        ContractException.Generic($"Must deposit more than {proposalDeposit.ToString(CultureInfo.InvariantCulture)} token");

    public static ContractException TooManyPolls() => ContractException.Generic("Too many polls in progress");

    public static ContractException NormalAndAdminAction() => ContractException.Generic("Can not make a poll with normal action and admin action");

    public static ContractException ForbiddenTarget() =>
        ContractException.Generic("Can not make a normal pool targeting the admin_manager or gov contract");

    public static ContractException NotInProgress() => ContractException.Generic("Poll is not in progress");

    public static ContractException VotingPeriodNotExpired() => ContractException.Generic("Voting period has not expired");

    public static ContractException FastTrackNotReached() =>
        ContractException.Generic("Fastrack poll has not reached the target quorum or threshold");

    public static ContractException NotPassed() => ContractException.Generic("Poll is not in passed status");

    public static ContractException EffectiveDelay() => ContractException.Generic("Effective delay has not expired");

    public static ContractException NoExecuteData() => ContractException.Generic("The poll does not have execute_data");

    public static ContractException PollDoesNotExist() => ContractException.Generic("Poll does not exist");

    public static ContractException AlreadyVoted() => ContractException.Generic("User has already voted.");

    public static ContractException NotEnoughStaked() => ContractException.Generic("User does not have enough staked tokens.");

    public static ContractException CannotSnapshot() => ContractException.Generic("Cannot snapshot at this time");

    public static ContractException SnapshotOccurred() => ContractException.Generic("Snapshot has already occurred");

    public static ContractException InsufficientFunds() => ContractException.Generic("Insufficient funds sent");

    public static ContractException NothingStaked() => ContractException.Generic("Nothing staked");

    public static ContractException WithdrawTooMany() => ContractException.Generic("User is trying to withdraw too many tokens.");

    public static ContractException NothingToWithdraw() => ContractException.Generic("Nothing to withdraw");

    public static ContractException StillInProgress() => ContractException.Generic("This poll is still in progress");

    public static ContractException NoVotingRewards() => ContractException.Generic("This poll has no voting rewards");

    public static ContractException RewardTooSmall() => ContractException.Generic("Reward deposited is too small");
}
