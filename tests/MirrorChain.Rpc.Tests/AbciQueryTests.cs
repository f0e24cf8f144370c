using static MirrorChain.Rpc.Tests.Golden;

namespace MirrorChain.Rpc.Tests;

public sealed class AbciQueryTests
{
    private const string BalanceResponse =
        """{"response":{"code":0,"log":"","info":"","index":"0","key":null,"value":"Cg4KBXVsdW5hEgUxMDAwMA==","proofOps":null,"height":"3","codespace":""}}""";

    [Fact]
    public async Task Success_HasBase64ValueAndTheLatestHeightWhenTheAppGivesNone()
    {
        await using var s = await RpcTestServer.StartAsync();
        var body = await s.CallAsync("abci_query", """{"path":"/cosmos.bank.v1beta1.Query/Balance","data":"0a2c74","prove":false}""");
        Assert.Equal(Ok(BalanceResponse), body);
        var (path, data, height, prove) = s.Backend.LastQuery!.Value;
        Assert.Equal("/cosmos.bank.v1beta1.Query/Balance", path);
        Assert.Equal(new byte[] { 0x0a, 0x2c, 0x74 }, data);
        Assert.Equal(0, height);
        Assert.False(prove);
    }

    [Fact]
    public async Task RequestedHeight_IsPassedOnAndReported()
    {
        await using var s = await RpcTestServer.StartAsync();
        var body = await s.CallAsync("abci_query", """{"path":"/cosmos.bank.v1beta1.Query/Balance","data":"","height":"2"}""");
        Assert.Equal(Ok(BalanceResponse.Replace("\"height\":\"3\"", "\"height\":\"2\"", StringComparison.Ordinal)), body);
        Assert.Equal(2, s.Backend.LastQuery!.Value.Height);
    }

    [Fact]
    public async Task AppError_KeepsCodeCodespaceLogAndZeroHeight()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok("""{"response":{"code":6,"log":"unknown query path: unknown request","info":"","index":"0","key":null,"value":null,"proofOps":null,"height":"0","codespace":"sdk"}}"""),
            await s.CallAsync("abci_query", """{"path":"/nope","data":""}"""));
    }

    [Fact]
    public async Task ProofOps_AreWrittenWhenPresent()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok("""{"response":{"code":0,"log":"","info":"","index":"0","key":"AQI=","value":"Aw==","proofOps":{"ops":[{"type":"ics23:iavl","key":"AQI=","data":"/w=="}]},"height":"2","codespace":""}}"""),
            await s.CallAsync("abci_query", """{"path":"/store/bank/key","data":"0102","prove":true}"""));
        Assert.True(s.Backend.LastQuery!.Value.Prove);
    }

    [Fact]
    public async Task BackendException_IsInternalErrorWithItsMessage()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Err(-32603, "Internal error", "backend exploded"),
            await s.CallAsync("abci_query", """{"path":"/throw"}"""));
    }

    [Fact]
    public async Task DataMustBeHex()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Err(-32602, "Invalid params", "error converting json params to arguments: param \"data\": invalid hex string \"zz\""),
            await s.CallAsync("abci_query", """{"path":"/x","data":"zz"}"""));
    }

    [Fact]
    public async Task UriForm_QuotedPathAndHexData_GivesThePostAnswerWithIdMinusOne()
    {
        await using var s = await RpcTestServer.StartAsync();
        var post = await s.CallAsync("abci_query", """{"path":"/cosmos.bank.v1beta1.Query/Balance","data":"0a2c74"}""");
        var (status, get, type) = await s.GetAsync("/abci_query?path=" + Uri.EscapeDataString("\"/cosmos.bank.v1beta1.Query/Balance\"") + "&data=0x0a2c74&prove=false");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        Assert.Equal(post.Replace("\"id\":1,", "\"id\":-1,", StringComparison.Ordinal), get);
        Assert.Equal(new byte[] { 0x0a, 0x2c, 0x74 }, s.Backend.LastQuery!.Value.Data);
    }
}
