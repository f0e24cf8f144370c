using MirrorChain.Contracts.Mirror.Tests.Collector.Fakes;

namespace MirrorChain.Contracts.Mirror.Tests.Community;

/// <summary>
/// mirror_community through the harness with a real MIR cw20 (the upstream tests of
/// contracts/mirror_community/src/contract.rs and derived rules): owner-only spend up to spend_limit per call ("Generic
/// error: unauthorized", "Generic error: Cannot spend more than spend_limit").
/// </summary>
public sealed class CommunityTests
{
    private const ulong SpendLimit = 1_000_000;

    private static readonly Address Owner = TestAddress.Of("owner0000");
    private static readonly Address Owner1 = TestAddress.Of("owner0001");
    private static readonly Address Addr0 = TestAddress.Of("addr0000");
    private static readonly Address Minter = TestAddress.Of("minter0000");

    private readonly ContractTestApp _app = new(TestCodes.Registry((Recorder.CodeId, new Recorder())));

    private readonly Address _mir;
    private readonly Address _community;

    public CommunityTests()
    {
        _mir = _app.Instantiate(CodeIds.Cw20Base, Minter, Cw20Token.InstantiateJson("Mirror", "MIR", Minter), label: "MIR");
        _community = NewCommunity(_mir);
        _app.Execute(Minter, _mir, $"{{\"mint\":{{\"recipient\":\"{_community}\",\"amount\":\"5000000\"}}}}");
    }

    private Address NewCommunity(Address mirrorToken) => _app.Instantiate(CodeIds.MirrorCommunity, Addr0,
        $"{{\"owner\":\"{Owner}\",\"mirror_token\":\"{mirrorToken}\",\"spend_limit\":\"{SpendLimit}\"}}", label: "community");

    private AppResponse Spend(Address sender, string recipient, UInt128 amount, Address? community = null) =>
        _app.Execute(sender, community ?? _community, $"{{\"spend\":{{\"recipient\":\"{recipient}\",\"amount\":\"{amount}\"}}}}");

    private string Config() => _app.Query(_community, "{\"config\":{}}").GetRawText();

    private UInt128 Mir(Address holder) => Cw20Token.Balance(_app, _mir, holder);

    private static List<(string, string)> Attributes(AppResponse res, Address contract) =>
        res.Events.Where(e => e.Type == "wasm" && e.Attributes[0].Value == contract.ToString())
            .SelectMany(e => e.Attributes.Skip(1)).Select(a => (a.Key, a.Value)).ToList();

    [Fact]
    public void ProperInitialization()
    {
        Assert.Equal($$$"""{"owner":"{{{Owner}}}","mirror_token":"{{{_mir}}}","spend_limit":"1000000"}""", Config());
    }

    [Fact]
    public void Update_config_is_owner_only_and_hands_over_ownership()
    {
        var update = $"{{\"update_config\":{{\"owner\":\"{Owner1}\",\"spend_limit\":null}}}}";
        Assert.Equal(Exec("Generic error: unauthorized"), Support.Fail.Execute(() => _app.Execute(Addr0, _community, update)));

        var res = _app.Execute(Owner, _community, update);

        Assert.Equal([("action", "update_config")], Attributes(res, _community));
        Assert.Equal($$$"""{"owner":"{{{Owner1}}}","mirror_token":"{{{_mir}}}","spend_limit":"1000000"}""", Config());

        _app.Execute(Owner1, _community, "{\"update_config\":{\"spend_limit\":\"2000000\"}}");

        Assert.Equal($$$"""{"owner":"{{{Owner1}}}","mirror_token":"{{{_mir}}}","spend_limit":"2000000"}""", Config());
        Assert.Equal(Exec("Generic error: unauthorized"),
            Support.Fail.Execute(() => _app.Execute(Owner, _community, "{\"update_config\":{\"spend_limit\":\"9\"}}")));
    }

    [Fact]
    public void Spend_is_owner_only_and_capped_by_the_spend_limit()
    {
        Assert.Equal(Exec("Generic error: unauthorized"), Support.Fail.Execute(() => Spend(Addr0, Addr0.ToString(), SpendLimit)));
        Assert.Equal(Exec("Generic error: Cannot spend more than spend_limit"),
            Support.Fail.Execute(() => Spend(Owner, Addr0.ToString(), 2_000_000)));

        var res = Spend(Owner, Addr0.ToString(), SpendLimit);

        Assert.Equal([("action", "spend"), ("recipient", Addr0.ToString()), ("amount", "1000000")], Attributes(res, _community));
        Assert.Contains(("action", "transfer"), Attributes(res, _mir));
        Assert.Equal((UInt128)SpendLimit, Mir(Addr0));
        Assert.Equal((UInt128)(5_000_000 - SpendLimit), Mir(_community));
    }

    [Fact]
    public void SpendMessageIsAMirTransferWithTheRecipientUnvalidated()
    {
        var token = _app.Instantiate(Recorder.CodeId, Owner, "{}", label: "mirror0000");
        var community = NewCommunity(token);

        Spend(Owner, "addr0000", SpendLimit, community);

        var record = Assert.Single(JsonSerializer.Deserialize<List<Recorder.Record>>(
            _app.Query(token, "{\"records\":{}}").GetRawText(), ContractJson.Options)!);
        Assert.Equal(community.ToString(), record.Sender);
        Assert.Equal("""{"transfer":{"recipient":"addr0000","amount":"1000000"}}""", record.Msg);
        Assert.Empty(record.Funds);
    }

    [Fact]
    public void SpendLimitIsPerSpendNotCumulative()
    {
        Spend(Owner, Addr0.ToString(), SpendLimit);
        Spend(Owner, Addr0.ToString(), SpendLimit);

        Assert.Equal((UInt128)(2 * SpendLimit), Mir(Addr0));
        Assert.Equal(Exec("Generic error: Cannot spend more than spend_limit"),
            Support.Fail.Execute(() => Spend(Owner, Addr0.ToString(), SpendLimit + 1)));
    }

    [Fact]
    public void RaisedLimitAllowsLargerSpends()
    {
        _app.Execute(Owner, _community, "{\"update_config\":{\"spend_limit\":\"2000000\"}}");

        Spend(Owner, Addr0.ToString(), 2_000_000);

        Assert.Equal((UInt128)2_000_000, Mir(Addr0));
    }

    [Fact]
    public void TheTokenRefusesAnInvalidRecipientOrAZeroAmount()
    {
        Assert.Equal(Exec("Generic error: addr_validate errored: decoding bech32 failed: missing bech32 separator or checksum"),
            Support.Fail.Execute(() => Spend(Owner, "addr0000", 1)));
        Assert.Equal(Exec("Invalid zero amount"), Support.Fail.Execute(() => Spend(Owner, Addr0.ToString(), 0)));
        Assert.Equal((UInt128)5_000_000, Mir(_community));
    }

    [Fact]
    public void SpendingMoreThanTheBalanceFailsInTheToken()
    {
        _app.Execute(Owner, _community, "{\"update_config\":{\"spend_limit\":\"10000000\"}}");

        Assert.Equal(Exec("Overflow: Cannot Sub with 5000000 and 5000001"),
            Support.Fail.Execute(() => Spend(Owner, Addr0.ToString(), 5_000_001)));
        Assert.Equal(UInt128.Zero, Mir(Addr0));
    }

    [Fact]
    public void UnknownMessageIsAParseError()
    {
        Assert.Equal(
            Exec("Error parsing into type mirror_protocol::community::ExecuteMsg: unknown variant `burn`, expected one of `update_config`, `spend`"),
            Support.Fail.Execute(() => _app.Execute(Owner, _community, "{\"burn\":{}}")));
    }
}
