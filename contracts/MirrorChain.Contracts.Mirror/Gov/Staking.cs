using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Gov;

// contracts/mirror_gov/src/staking.rs: MIR staking with shares, voter rewards.
public sealed partial class GovContract
{
    /// <summary>
    /// stake_voting_tokens (cw20 hook): amount 0 is "Insufficient funds sent". The balance already includes the amount,
    /// so the pool before it is bal − (locked + amount); share = amount when the pool or total_share is 0, else
    /// floor(amount·total_share/pool).
    /// </summary>
    private static Response StakeVotingTokens(Deps deps, Env env, string sender, UInt128 amount)
    {
        if (amount == UInt128.Zero)
        {
            throw GovErrors.InsufficientFunds();
        }
        var key = GovState.Addr(deps.Api.AddrValidate(sender));
        var manager = GovState.Bank.May(deps.Storage, key) ?? new TokenManager();
        var config = GovState.Config.Load(deps.Storage);
        var state = GovState.State.Load(deps.Storage);

        var totalBalance = Uint128Math.CheckedSub(MirBalance(deps, config, state), Uint128Math.Add(state.Locked(), amount));
        var share = totalBalance == UInt128.Zero || state.TotalShare == UInt128.Zero
            ? amount
            : Uint128Math.MultiplyRatio(amount, state.TotalShare, totalBalance);

        GovState.State.Save(deps.Storage, state with { TotalShare = Uint128Math.Add(state.TotalShare, share) });
        GovState.Bank.Save(deps.Storage, key, manager with { Share = Uint128Math.Add(manager.Share, share) });
        return new Response().AddAttributes(
            ("action", "staking"),
            ("sender", sender),
            ("share", Uint128Math.Format(share)),
            ("amount", Uint128Math.Format(amount)));
    }

    /// <summary>
    /// withdraw_voting_tokens: "Nothing staked" without a bank entry. The locked share is floor(max in-progress vote ·
    /// total_share / staked) (u128, so staked 0 panics). With an amount: burns max(floor(amount·TS/staked), 1) shares and
    /// pays exactly the amount; without: burns share − locked share and pays floor(burned·staked/TS).
    /// </summary>
    private static Response WithdrawVotingTokens(Deps deps, Env env, MessageInfo info, UInt128? amount)
    {
        var key = GovState.Addr(info.Sender);
        if (GovState.Bank.May(deps.Storage, key) is not { } manager)
        {
            throw GovErrors.NothingStaked();
        }
        var config = GovState.Config.Load(deps.Storage);
        var state = GovState.State.Load(deps.Storage);
        var totalShare = state.TotalShare;
        var totalBalance = StakedBalance(deps, config, state);

        var (userLockedBalance, remaining) = ComputeLockedBalance(deps.Storage, manager, info.Sender);
        manager = manager with { LockedBalance = remaining };
        var userLockedShare = Uint128Math.Div(Uint128Math.Mul(userLockedBalance, totalShare), totalBalance);
        var userShare = manager.Share;

        UInt128 withdrawShare;
        UInt128 withdrawAmount;
        if (amount is { } requested)
        {
            var burned = Uint128Math.MultiplyRatio(requested, totalShare, totalBalance);
            withdrawShare = burned > UInt128.One ? burned : UInt128.One;
            withdrawAmount = requested;
        }
        else
        {
            withdrawShare = Uint128Math.Sub(userShare, userLockedShare);
            withdrawAmount = Uint128Math.Div(Uint128Math.Mul(withdrawShare, totalBalance), totalShare);
        }

        if (Uint128Math.Add(userLockedShare, withdrawShare) > userShare)
        {
            throw GovErrors.WithdrawTooMany();
        }
        GovState.Bank.Save(deps.Storage, key, manager with { Share = userShare - withdrawShare });
        GovState.State.Save(deps.Storage, state with { TotalShare = totalShare - withdrawShare });
        return SendTokens(config, info.Sender, withdrawAmount, "withdraw");
    }

    /// <summary>
    /// The largest vote over the voter's in-progress polls. Entries of finished polls without voter rewards are dropped
    /// (returned list) and their poll_voter records removed.
    /// </summary>
    private static (UInt128 MaxLocked, IReadOnlyList<LockedVote> Remaining) ComputeLockedBalance(
        IContractStorage storage, TokenManager manager, Address voter)
    {
        var maxLocked = UInt128.Zero;
        var remaining = new List<LockedVote>();
        foreach (var entry in manager.LockedBalance)
        {
            var poll = GovState.Polls.Load(storage, GovState.Id(entry.PollId));
            if (poll.Status != PollStatus.InProgress && poll.VotersReward == UInt128.Zero)
            {
                GovState.PollVoters.Remove(storage, GovState.VoterKey(entry.PollId, voter));
                continue;
            }
            remaining.Add(entry);
            if (poll.Status == PollStatus.InProgress && entry.Info.Balance > maxLocked)
            {
                maxLocked = entry.Info.Balance;
            }
        }
        return (maxLocked, remaining);
    }

    /// <summary>
    /// deposit_reward (cw20 hook, anyone): with voter_weight &gt; 0 and polls in progress, voter_rewards =
    /// floor(amount·voter_weight) is split evenly (floor) over the in-progress polls ("Reward deposited is too small" if
    /// that is 0) and added in full to pending_voting_rewards; the rest is staker yield.
    /// </summary>
    private static Response DepositReward(Deps deps, UInt128 amount)
    {
        var config = GovState.Config.Load(deps.Storage);
        var inProgress = GovState.Indexer(PollStatus.InProgress).Range(deps.Storage)
            .Select(kv => GovState.Polls.Load(deps.Storage, kv.Key))
            .ToList();
        var response = new Response().AddAttributes(("action", "deposit_reward"), ("amount", Uint128Math.Format(amount)));
        if (config.VoterWeight.IsZero || inProgress.Count == 0)
        {
            return response;
        }

        var voterRewards = Decimal.Mul(amount, config.VoterWeight);
        var perPoll = Uint128Math.MultiplyRatio(voterRewards, UInt128.One, (UInt128)inProgress.Count);
        if (perPoll == UInt128.Zero)
        {
            throw GovErrors.RewardTooSmall();
        }
        foreach (var poll in inProgress)
        {
            GovState.Polls.Save(deps.Storage, GovState.Id(poll.Id), poll with { VotersReward = Uint128Math.Add(poll.VotersReward, perPoll) });
        }
        var state = GovState.State.Load(deps.Storage);
        GovState.State.Save(deps.Storage, state with { PendingVotingRewards = Uint128Math.Add(state.PendingVotingRewards, voterRewards) });
        return response;
    }

    /// <summary>withdraw_voting_rewards {poll_id?}: pays the voter's rewards of finished polls (see <see cref="CollectVotingRewards"/>).</summary>
    private static Response WithdrawVotingRewards(Deps deps, Env env, MessageInfo info, ulong? pollId)
    {
        var config = GovState.Config.Load(deps.Storage);
        var key = GovState.Addr(info.Sender);
        var manager = GovState.Bank.May(deps.Storage, key) ?? throw GovErrors.NothingStaked();

        var (reward, polls) = CollectVotingRewards(deps.Storage, info.Sender, manager, pollId);
        if (reward == UInt128.Zero)
        {
            throw GovErrors.NothingToWithdraw();
        }
        GovState.Bank.Save(deps.Storage, key, manager with { LockedBalance = [.. manager.LockedBalance.Where(e => !polls.Contains(e.PollId))] });
        var state = GovState.State.Load(deps.Storage);
        GovState.State.Save(deps.Storage, state with { PendingVotingRewards = Uint128Math.CheckedSub(state.PendingVotingRewards, reward) });
        return SendTokens(config, info.Sender, reward, "withdraw_voting_rewards");
    }

    /// <summary>
    /// stake_voting_rewards {poll_id?}: the same rewards become shares. The pool is measured before pending is reduced;
    /// share = reward when the pool or total_share is 0, else floor(reward·total_share/pool). No message.
    /// </summary>
    private static Response StakeVotingRewards(Deps deps, Env env, MessageInfo info, ulong? pollId)
    {
        var config = GovState.Config.Load(deps.Storage);
        var state = GovState.State.Load(deps.Storage);
        var key = GovState.Addr(info.Sender);
        var manager = GovState.Bank.May(deps.Storage, key) ?? throw GovErrors.NothingStaked();

        var (reward, polls) = CollectVotingRewards(deps.Storage, info.Sender, manager, pollId);
        if (reward == UInt128.Zero)
        {
            throw GovErrors.NothingToWithdraw();
        }
        var totalBalance = StakedBalance(deps, config, state);
        var pending = Uint128Math.CheckedSub(state.PendingVotingRewards, reward);
        var share = totalBalance == UInt128.Zero || state.TotalShare == UInt128.Zero
            ? reward
            : Uint128Math.MultiplyRatio(reward, state.TotalShare, totalBalance);

        GovState.State.Save(deps.Storage, state with { PendingVotingRewards = pending, TotalShare = Uint128Math.Add(state.TotalShare, share) });
        GovState.Bank.Save(deps.Storage, key, manager with
        {
            Share = Uint128Math.Add(manager.Share, share),
            LockedBalance = [.. manager.LockedBalance.Where(e => !polls.Contains(e.PollId))],
        });
        return new Response().AddAttributes(
            ("action", "stake_voting_rewards"),
            ("staker", info.Sender.ToString()),
            ("share", Uint128Math.Format(share)),
            ("amount", Uint128Math.Format(reward)));
    }

    /// <summary>
    /// The voter's rewards: with a poll id, that poll (it must load, the vote must exist — NotFound otherwise — and it
    /// must be finished with voters_reward &gt; 0); without, every locked entry whose poll is finished, still has the
    /// vote record and has voters_reward &gt; 0. Each reward is floor(voters_reward·vote/total votes); the vote records
    /// are removed.
    /// </summary>
    private static (UInt128 Reward, HashSet<ulong> Polls) CollectVotingRewards(IContractStorage storage, Address voter, TokenManager manager, ulong? pollId)
    {
        List<(Poll Poll, VoterInfo Vote)> selected;
        if (pollId is { } id)
        {
            var poll = GovState.Polls.Load(storage, GovState.Id(id));
            var vote = GovState.PollVoters.Load(storage, GovState.VoterKey(id, voter));
            if (poll.Status == PollStatus.InProgress)
            {
                throw GovErrors.StillInProgress();
            }
            if (poll.VotersReward == UInt128.Zero)
            {
                throw GovErrors.NoVotingRewards();
            }
            selected = [(poll, vote)];
        }
        else
        {
            selected = WithdrawablePolls(storage, manager, voter);
        }

        var total = UInt128.Zero;
        foreach (var (poll, vote) in selected)
        {
            GovState.PollVoters.Remove(storage, GovState.VoterKey(poll.Id, voter));
            total = Uint128Math.Add(total, VoterReward(poll, vote));
        }
        return (total, selected.Select(s => s.Poll.Id).ToHashSet());
    }

    /// <summary>Locked entries whose poll is finished, whose vote record exists and whose voters_reward &gt; 0.</summary>
    private static List<(Poll Poll, VoterInfo Vote)> WithdrawablePolls(IReadOnlyContractStorage storage, TokenManager manager, Address voter) =>
        manager.LockedBalance
            .Select(e => (Poll: GovState.Polls.Load(storage, GovState.Id(e.PollId)), Vote: GovState.PollVoters.May(storage, GovState.VoterKey(e.PollId, voter))))
            .Where(p => p.Poll.Status != PollStatus.InProgress && p.Vote is not null && p.Poll.VotersReward != UInt128.Zero)
            .Select(p => (p.Poll, p.Vote!))
            .ToList();

    /// <summary>floor(voters_reward · vote / (yes + no + abstain)).</summary>
    private static UInt128 VoterReward(Poll poll, VoterInfo vote) => Uint128Math.MultiplyRatio(poll.VotersReward, vote.Balance, poll.TotalVotes());
}
