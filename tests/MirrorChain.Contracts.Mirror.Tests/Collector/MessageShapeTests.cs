using MirrorChain.Contracts.Mirror.Tests.Collector.Fakes;
using static MirrorChain.Contracts.Mirror.Tests.Collector.CollectorFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Collector;

/// <summary>
/// The upstream unit tests compare the collector's outgoing messages literally. Here the factory is a stand-in whose
/// pairs are <see cref="Recorder"/>s, so each message arrives exactly as the collector wrote it (serde's field order,
/// None as null). MirrorChain's tax rate is 0, so the upstream "99 of 100 (1 % tax)" is 100 here.
/// </summary>
public sealed class MessageShapeTests
{
    private readonly CollectorFixture _f = new();
    private readonly Address _mockFactory;
    private readonly Address _collector;

    public MessageShapeTests()
    {
        _mockFactory = _f.App.Instantiate(MockFactoryCodeId, Owner, "{}", label: "mock factory");
        _collector = _f.Instantiate(_mockFactory);
    }

    private Address RecordingPair(string info0, string info1, string label)
    {
        var pair = _f.App.Instantiate(Recorder.CodeId, Owner, "{}", label: label);
        _f.App.Execute(Owner, _mockFactory, $"{{\"register_pair\":{{\"asset_infos\":[{info0},{info1}],\"pair\":\"{pair}\"}}}}");
        return pair;
    }

    private const string DepositReward = """{"deposit_reward":{}}""";

    private const string SwapHook = """{"swap":{"belief_price":null,"max_spread":null,"to":null}}""";

    [Fact]
    public void MAssetSendAndMirSwapMessages()
    {
        var pairAppl = RecordingPair(Native(Uusd), TokenInfo(_f.MAapl), "pairAPPL");
        var pairMirror = RecordingPair(Native(Uusd), TokenInfo(_f.Mir), "pairMIRROR");
        _f.MintToken(_f.MAapl, _collector, 100);
        _f.App.Mint(_collector, new Coin(Uusd, 100));

        _f.App.Execute(Addr0, _collector, $"{{\"convert\":{{\"asset_token\":\"{_f.MAapl}\"}}}}");
        _f.App.Execute(Addr0, _collector, $"{{\"convert\":{{\"asset_token\":\"{_f.Mir}\"}}}}");

        var send = Assert.Single(Records(_f.App, pairAppl));
        Assert.Equal(_f.MAapl.ToString(), send.Sender);
        Assert.Equal($$$"""{"receive":{"sender":"{{{_collector}}}","amount":"100","msg":"{{{Base64(SwapHook)}}}"}}""", send.Msg);
        Assert.Empty(send.Funds);
        var swap = Assert.Single(Records(_f.App, pairMirror));
        Assert.Equal(_collector.ToString(), swap.Sender);
        Assert.Equal("""{"swap":{"offer_asset":{"info":{"native_token":{"denom":"uusd"}},"amount":"100"},"belief_price":null,"max_spread":"0.5","to":null}}""", swap.Msg);
        Assert.Equal(["100uusd"], swap.Funds);
    }

    [Fact]
    public void BlunaAndLunaxSendToTheirLunaPairsThenCallTheHook()
    {
        var pairBluna = RecordingPair(Native(Uluna), TokenInfo(_f.Bluna), "pairbLuna");
        var pairLunax = RecordingPair(Native(Uluna), TokenInfo(_f.Lunax), "pairLunax");
        _f.MintToken(_f.Bluna, _collector, 100);
        _f.MintToken(_f.Lunax, _collector, 100);

        var bluna = _f.App.Execute(Addr0, _collector, $"{{\"convert\":{{\"asset_token\":\"{_f.Bluna}\"}}}}");
        var lunax = _f.App.Execute(Addr0, _collector, $"{{\"convert\":{{\"asset_token\":\"{_f.Lunax}\"}}}}");

        foreach (var (pair, token) in new[] { (pairBluna, _f.Bluna), (pairLunax, _f.Lunax) })
        {
            var record = Assert.Single(Records(_f.App, pair));
            Assert.Equal(token.ToString(), record.Sender);
            Assert.Equal($$$"""{"receive":{"sender":"{{{_collector}}}","amount":"100","msg":"{{{Base64(SwapHook)}}}"}}""", record.Msg);
        }
        // The second message: the collector calls its own luna_swap_hook (the recorders paid no uluna, so it is empty).
        Assert.Equal(("action", "luna_swap_hook"), AttributesOf(bluna, _collector)[^1]);
        Assert.Equal(("swap_type", "lunax_swap"), AttributesOf(lunax, _collector)[1]);
        Assert.Equal(("action", "luna_swap_hook"), AttributesOf(lunax, _collector)[^1]);
    }

    [Fact]
    public void LunaSwapHookSwapMessage()
    {
        var pairLuna = RecordingPair(Native(Uluna), Native(Uusd), "pairLuna");
        _f.App.Mint(_collector, new Coin(Uluna, 100));

        _f.App.Execute(TestAddress.Of("owner0000"), _collector, "{\"luna_swap_hook\":{}}");

        var swap = Assert.Single(Records(_f.App, pairLuna));
        Assert.Equal("""{"swap":{"offer_asset":{"info":{"native_token":{"denom":"uluna"}},"amount":"100"},"belief_price":null,"max_spread":null,"to":null}}""", swap.Msg);
        Assert.Equal(["100uluna"], swap.Funds);
    }

    [Fact]
    public void DistributeSendMessage()
    {
        var gov = _f.App.Instantiate(Recorder.CodeId, Owner, "{}", label: "gov0000");
        _f.App.Execute(Owner, _collector, $"{{\"update_config\":{{\"distribution_contract\":\"{gov}\"}}}}");
        _f.MintToken(_f.Mir, _collector, 100);

        _f.App.Execute(Addr0, _collector, "{\"distribute\":{}}");

        var record = Assert.Single(Records(_f.App, gov));
        Assert.Equal(_f.Mir.ToString(), record.Sender);
        Assert.Equal($$$"""{"receive":{"sender":"{{{_collector}}}","amount":"100","msg":"{{{Base64(DepositReward)}}}"}}""", record.Msg);
    }

    [Fact]
    public void SetAstroportMirPairTargetsThatPair()
    {
        var pairMirror = RecordingPair(Native(Uusd), TokenInfo(_f.Mir), "pairMIRROR");
        var astroport = _f.App.Instantiate(Recorder.CodeId, Owner, "{}", label: "astroport");
        _f.App.Mint(_collector, new Coin(Uusd, 100));
        _f.App.Execute(Addr0, _collector, $"{{\"convert\":{{\"asset_token\":\"{_f.Mir}\"}}}}");

        _f.App.Execute(Owner, _collector, $"{{\"update_config\":{{\"mir_ust_pair\":\"{astroport}\"}}}}");
        _f.App.Mint(_collector, new Coin(Uusd, 100));
        _f.App.Execute(Addr0, _collector, $"{{\"convert\":{{\"asset_token\":\"{_f.Mir}\"}}}}");

        Assert.Single(Records(_f.App, pairMirror));
        var swap = Assert.Single(Records(_f.App, astroport));
        Assert.Equal("""{"swap":{"offer_asset":{"info":{"native_token":{"denom":"uusd"}},"amount":"100"},"belief_price":null,"max_spread":"0.5","to":null}}""", swap.Msg);
        Assert.Equal(["100uusd"], swap.Funds);
    }
}
