using static MirrorChain.Contracts.Mirror.Tests.Support.Names;

namespace MirrorChain.Contracts.Mirror.Tests.CollateralOracle;

/// <summary>
/// A collateral oracle (owner0000, mint0000, base uusd) wired to a real mirror_oracle (owner0000, base uusd) whose
/// mTSLA feeder is feeder0000; the anchor and band oracles are query mocks. Block time starts at 1000 as in the
/// v2.1.4 mocks.
/// </summary>
public abstract class CollateralOracleFixture
{
    protected const string Unauthorized = ExecuteErrors.Unauthorized;
    protected const ulong U64Max = ulong.MaxValue;

    protected CollateralOracleFixture()
    {
        App = new ContractTestApp(TestCodes.Registry((MockQueryContract.CodeId, new MockQueryContract())));
        App.SetTime(1000);
        MirrorOracle = App.Instantiate(CodeIds.MirrorOracle, Owner, InstantiateMsgs.Oracle(Owner));
        AnchorOracle = Mock("""{"price":{"rate":"1.25","last_updated_base":900,"last_updated_quote":18446744073709551615}}""");
        BandOracle = Mock("""{"get_reference_data":{"rate":"3465211050000000000000","last_updated_base":100,"last_updated_quote":200}}""");
        Oracle = App.Instantiate(CodeIds.MirrorCollateralOracle, Addr0, InstantiateMsgs.CollateralOracle(Owner, MintAddr, MirrorOracle, AnchorOracle, BandOracle));
        App.Execute(Owner, MirrorOracle, $$$"""{"register_asset":{"asset_token":"{{{MTsla}}}","feeder":"{{{Feeder}}}"}}""");
        FeedTsla("1");
    }

    protected static Address MTsla { get; } = TestAddress.Of("mTSLA");

    protected ContractTestApp App { get; }

    protected Address MirrorOracle { get; }

    protected Address AnchorOracle { get; }

    protected Address BandOracle { get; }

    protected Address Oracle { get; }

    /// <summary>A query mock answering <paramref name="answers"/> (a JSON object: variant or exact query → answer).</summary>
    protected Address Mock(string answers) =>
        App.Instantiate(MockQueryContract.CodeId, Addr0, $$$"""{"answers":{{{answers}}}}""");

    protected void FeedTsla(string price) =>
        App.Execute(Feeder, MirrorOracle, $$$"""{"feed_price":{"prices":[["{{{MTsla}}}","{{{price}}}"]]}}""");

    protected static string Token(object address) => $$$"""{"token":{"contract_addr":"{{{address}}}"}}""";

    protected static string Native(string denom) => $$$"""{"native_token":{"denom":"{{{denom}}}"}}""";

    protected AppResponse Register(Address sender, string assetInfo, string priceSource, string multiplier = "1") =>
        App.Execute(sender, Oracle, $$$"""{"register_collateral_asset":{"asset":{{{assetInfo}}},"price_source":{{{priceSource}}},"multiplier":"{{{multiplier}}}"}}""");

    protected string Price(object asset, string? blockHeight = null) =>
        App.Query(Oracle, blockHeight is null
            ? $$$"""{"collateral_price":{"asset":"{{{asset}}}"}}"""
            : $$$"""{"collateral_price":{"asset":"{{{asset}}}","block_height":{{{blockHeight}}}}}""").GetRawText();

    protected string Info(object asset) =>
        App.Query(Oracle, $$$"""{"collateral_asset_info":{"asset":"{{{asset}}}"}}""").GetRawText();

    protected static string PriceJson(object asset, string rate, ulong lastUpdated, string multiplier = "1", bool revoked = false) =>
        $$$"""{"asset":"{{{asset}}}","rate":"{{{rate}}}","last_updated":{{{lastUpdated}}},"multiplier":"{{{multiplier}}}","is_revoked":{{{(revoked ? "true" : "false")}}}}""";

    protected static string InfoJson(object asset, string sourceType, string multiplier = "1", bool revoked = false) =>
        $$$"""{"asset":"{{{asset}}}","multiplier":"{{{multiplier}}}","source_type":"{{{sourceType}}}","is_revoked":{{{(revoked ? "true" : "false")}}}}""";
}
