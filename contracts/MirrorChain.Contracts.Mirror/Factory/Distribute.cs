using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Factory;

/// <summary>
/// MIR emission to the staking pools: time based, callable by anyone once 60 seconds have passed since the last call.
/// The factory holds the emission pool (it does not mint).
/// </summary>
public sealed partial class MirrorFactoryContract
{
    /// <summary>The minimum number of seconds between two distributions.</summary>
    public const ulong DistributionInterval = 60;

    /// <summary>Rewards per deposit_reward message.</summary>
    public const int SplitUnit = 10;

    /// <summary>
    /// "Cannot distribute mirror token before interval" if last_distributed + 60 &gt; now. Over the elapsed window
    /// [last − genesis, now − genesis] each schedule slot (s0, s1, amount) overlapping it pays
    /// ⌊from_ratio(amount, s1 − s0) · duration⌋; each weighted asset gets ⌊target · w / total_weight⌋ (zero amounts are
    /// dropped); last_distributed = now even if nothing is sent. The rewards (canonical-address order) go out in chunks of
    /// 10, each one MIR <c>send</c> to staking with <c>deposit_reward {rewards}</c>. Attributes: action=distribute,
    /// distribution_amount (the sum actually sent).
    /// </summary>
    private static Response Distribute(Deps deps, Env env)
    {
        var now = env.Block.TimeSeconds;
        var lastDistributed = FactoryState.LastDistributed.Load(deps.Storage);
        if (AddU64(lastDistributed, DistributionInterval) > now)
        {
            throw FactoryErrors.DistributeBeforeInterval();
        }

        var config = FactoryState.Config.Load(deps.Storage);
        var target = TargetAmount(config, SubU64(now, config.GenesisTime), SubU64(lastDistributed, config.GenesisTime));

        var totalWeight = FactoryState.TotalWeight.Load(deps.Storage);
        var rewards = new List<RewardEntry>();
        var distributed = UInt128.Zero;
        foreach (var (asset, weight) in FactoryState.AllWeights(deps.Storage))
        {
            var amount = Uint128Math.Div(Uint128Math.Mul(target, weight), totalWeight);
            if (amount == UInt128.Zero)
            {
                continue; // "cannot distribute zero amount" is built and then filtered out upstream
            }
            rewards.Add(new RewardEntry(asset, amount));
            distributed = Uint128Math.CheckedAdd(distributed, amount);
        }

        FactoryState.LastDistributed.Save(deps.Storage, now);

        var response = new Response();
        for (var i = 0; i < rewards.Count; i += SplitUnit)
        {
            response.AddMessage(Outgoing.SendRewards(config, rewards.GetRange(i, Math.Min(SplitUnit, rewards.Count - i))));
        }
        return response
            .AddAttribute("action", "distribute")
            .AddAttribute("distribution_amount", distributed);
    }

    /// <summary>
    /// Σ over slots with s0 ≤ elapsed and s1 ≥ lastElapsed of ⌊from_ratio(amount, s1 − s0) · (min(s1, elapsed) − max(s0, lastElapsed))⌋.
    /// </summary>
    private static UInt128 TargetAmount(Config config, ulong elapsed, ulong lastElapsed)
    {
        var target = UInt128.Zero;
        foreach (var slot in config.DistributionSchedule)
        {
            if (slot.StartTime > elapsed || slot.EndTime < lastElapsed)
            {
                continue;
            }
            var duration = SubU64(Math.Min(slot.EndTime, elapsed), Math.Max(slot.StartTime, lastElapsed));
            var perSecond = Decimal.FromRatio(slot.Amount, SubU64(slot.EndTime, slot.StartTime));
            target = Uint128Math.CheckedAdd(target, perSecond * (UInt128)duration);
        }
        return target;
    }
}
