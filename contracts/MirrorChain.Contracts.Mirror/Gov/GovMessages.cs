
namespace MirrorChain.Contracts.Mirror.Gov;

/// <summary>Builders for the messages other contracts send mirror_gov (the collector's MIR distribution).</summary>
public static class GovMessages
{
    /// <summary>The cw20 hook <c>{"deposit_reward":{}}</c> (the msg of a MIR <c>send</c> to gov).</summary>
    public static byte[] DepositRewardHook() => ContractJson.Serialize(new Cw20HookMsg { DepositReward = EmptyMsg.Instance });
}
