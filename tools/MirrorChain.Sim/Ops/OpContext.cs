using MirrorChain.Core;

namespace MirrorChain.Sim.Ops;

/// <summary>What an op sees while the sim builds block <see cref="Height"/>: committed state, the seeded RNG, hints.</summary>
public sealed class OpContext(Simulation sim, ChainView view, long height, BlockTime time)
{
    public Simulation Sim { get; } = sim;

    public ChainView View { get; } = view;

    public long Height { get; } = height;

    /// <summary>The time the block being built will carry.</summary>
    public BlockTime Time { get; } = time;

    public ulong Now => (ulong)Time.Seconds;

    public Random Rng => Sim.Rng;

    public Deployment D => Sim.Deployment;

    /// <summary>Whether the last feed is under the mint's 60 s staleness limit at this block's time.</summary>
    public bool PricesFresh => Sim.Feeder.LastFeedSeconds is { } t && Now - t < 60;

    public ulong Between(ulong lo, ulong hi) => lo + (ulong)Rng.NextInt64(0, (long)(hi - lo + 1));

    public T Pick<T>(IReadOnlyList<T> items) => items[Rng.Next(items.Count)];

    /// <summary>A generated account not yet signing in this block.</summary>
    public SimAccount? AnyAccount()
    {
        for (var i = 0; i < 8; i++)
        {
            var a = Sim.Accounts[Rng.Next(Sim.Accounts.Count)];
            if (!Sim.IsBusy(a))
            {
                return a;
            }
        }
        return null;
    }

    /// <summary>A free account from the hint set <paramref name="key"/> that passes <paramref name="accept"/> (a few tries).</summary>
    public SimAccount? FromHint(string key, Func<SimAccount, bool> accept)
    {
        var set = Sim.Hints.Get(key);
        for (var i = 0; i < 6 && set.Count > 0; i++)
        {
            var idx = set.ElementAt(Rng.Next(set.Count));
            var a = Sim.Accounts[idx];
            if (Sim.IsBusy(a))
            {
                continue;
            }
            if (accept(a))
            {
                return a;
            }
            set.Remove(idx); // stale hint
        }
        return null;
    }

    public bool Claim(string key) => Sim.Claim(key);

    private readonly Dictionary<string, object?> _memo = new(StringComparer.Ordinal);

    /// <summary>A lookup of the committed state, computed once per block (the state does not change while planning).</summary>
    public T Memo<T>(string key, Func<T> compute)
    {
        if (!_memo.TryGetValue(key, out var v))
        {
            v = compute();
            _memo[key] = v;
        }
        return (T)v!;
    }

    /// <summary>Every open position (committed), once per block.</summary>
    public IReadOnlyList<PositionView> Positions => Memo("positions", () => View.Positions(D.Mint));

    public void Hint(string key, SimAccount a) => Sim.Hints.Add(key, a);

    public static string HoldKey(Address token) => "hold:" + token;

    public static string LpKey(Address lpToken) => "lp:" + lpToken;

    /// <summary>
    /// A hinted free holder of <paramref name="pool"/>'s LP token and a random share (<paramref name="minPercent"/> to
    /// 100 %) of its LP balance; null when there is none or the share rounds to zero.
    /// </summary>
    public (SimAccount Holder, UInt128 Amount)? LpShare(SimAsset pool, ulong minPercent)
    {
        var a = FromHint(LpKey(pool.LpToken), x => View.Cw20(pool.LpToken, x.Address) > 0);
        if (a is null)
        {
            return null;
        }
        var amount = View.Cw20(pool.LpToken, a.Address) * (UInt128)Between(minPercent, 100) / 100;
        return amount == 0 ? null : (a, amount);
    }
}
