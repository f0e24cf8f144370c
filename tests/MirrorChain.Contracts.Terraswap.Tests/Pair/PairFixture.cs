namespace MirrorChain.Contracts.Terraswap.Tests.Pair;

/// <summary>Pools set up through a first provide_liquidity (the first deposit is taken whole).</summary>
public abstract class PairFixture : TerraswapTestBase
{
    protected static readonly UInt128 Plenty = UInt128.Parse("1000000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    protected Address MAapl { get; set; } = null!;

    /// <summary>A uusd / mAAPL-like cw20 pair (asset 0 = uusd, asset 1 = the token) holding the given pools.</summary>
    protected (Address Pair, Address Lp) UusdTokenPair(UInt128 uusdPool, UInt128 tokenPool)
    {
        MAapl = NewToken("MAAPL", (Alice, Plenty), (Bob, Plenty), (Carol, Plenty));
        foreach (var user in new[] { Alice, Bob, Carol })
        {
            App.Mint(user, new Coin(Uluna, Plenty), new Coin(Uusd, Plenty));
        }
        var (pair, lp) = NewPair(Native(Uusd), Token(MAapl));
        Provide(Alice, pair, (Native(Uusd), uusdPool), (Token(MAapl), tokenPool));
        return (pair, lp);
    }

    /// <summary>A native-native uusd / uluna pair (asset 0 = uusd) holding the given pools.</summary>
    protected (Address Pair, Address Lp) UusdLunaPair(UInt128 uusdPool, UInt128 lunaPool)
    {
        foreach (var user in new[] { Alice, Bob, Carol })
        {
            App.Mint(user, new Coin(Uluna, Plenty), new Coin(Uusd, Plenty));
        }
        var (pair, lp) = NewPair(Native(Uusd), Native(Uluna));
        Provide(Alice, pair, (Native(Uusd), uusdPool), (Native(Uluna), lunaPool));
        return (pair, lp);
    }

    /// <summary>The pair's own wasm event attributes (the first wasm event), without _contract_address.</summary>
    protected static List<(string Key, string Value)> PairAttributes(Testing.AppResponse r, Address pair)
    {
        var e = r.Events.First(ev => ev.Type == "wasm" && ev.Attributes[0].Value == pair.ToString());
        return e.Attributes.Skip(1).Select(a => (a.Key, a.Value)).ToList();
    }
}
