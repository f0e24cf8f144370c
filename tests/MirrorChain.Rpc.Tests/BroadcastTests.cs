using static MirrorChain.Rpc.Tests.Golden;

namespace MirrorChain.Rpc.Tests;

public sealed class BroadcastTests
{
    private const string GoodTx = "Z29vZC10eA=="; // "good-tx"
    private const string GoodHash = "2A7667A7BBE881EE0BE465610E3EBC0C245E72E99414DAC18314C9414C471060";
    private const string BadTx = "YmFkLXR4"; // "bad-tx"
    private const string BadHash = "3E7DA1FA468B956944AEDE44621BFDD5CA98A3A84CB7487977F617389ECCD674";
    private const string BadLog = "signature verification failed; please verify account number (0) and chain-id (mirrorchain-devnet-1): unauthorized";

    [Theory]
    [InlineData("broadcast_tx_sync")]
    [InlineData("broadcast_tx_async")]
    public async Task Accepted_CodeZeroEmptyDataAndTheSha256Hash(string method)
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok($$"""{"code":0,"data":"","log":"","codespace":"","hash":"{{GoodHash}}"}"""),
            await s.CallAsync(method, $$"""{"tx":"{{GoodTx}}"}"""));
        Assert.Equal("good-tx"u8.ToArray(), Assert.Single(s.Backend.Broadcasts));
    }

    [Theory]
    [InlineData("broadcast_tx_sync")]
    [InlineData("broadcast_tx_async")]
    public async Task Rejected_CarriesTheCheckTxError(string method)
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok($$"""{"code":4,"data":"","log":"{{BadLog}}","codespace":"sdk","hash":"{{BadHash}}"}"""),
            await s.CallAsync(method, $$"""{"tx":"{{BadTx}}"}"""));
    }

    [Fact]
    public async Task Commit_ReturnsCheckTxTxResultHashAndHeight()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok("{\"check_tx\":{\"code\":0,\"data\":null,\"log\":\"\",\"info\":\"\",\"gas_wanted\":\"200000\",\"gas_used\":\"0\",\"events\":[],\"codespace\":\"\"}," +
               "\"tx_result\":{\"code\":0,\"data\":null,\"log\":\"\",\"info\":\"\",\"gas_wanted\":\"200000\",\"gas_used\":\"51000\"," +
               "\"events\":[{\"type\":\"message\",\"attributes\":[{\"key\":\"action\",\"value\":\"commit\",\"index\":true}]}],\"codespace\":\"\"}," +
               $"\"hash\":\"{GoodHash}\",\"height\":\"4\"}}"),
            await s.CallAsync("broadcast_tx_commit", $$"""{"tx":"{{GoodTx}}"}"""));
    }

    [Fact]
    public async Task Commit_RejectedByCheckTx_HasAnEmptyTxResultAndHeightZero()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok($"{{\"check_tx\":{{\"code\":4,\"data\":null,\"log\":\"{BadLog}\",\"info\":\"\",\"gas_wanted\":\"0\",\"gas_used\":\"0\",\"events\":[],\"codespace\":\"sdk\"}}," +
               "\"tx_result\":{\"code\":0,\"data\":null,\"log\":\"\",\"info\":\"\",\"gas_wanted\":\"0\",\"gas_used\":\"0\",\"events\":[],\"codespace\":\"\"}," +
               $"\"hash\":\"{BadHash}\",\"height\":\"0\"}}"),
            await s.CallAsync("broadcast_tx_commit", $$"""{"tx":"{{BadTx}}"}"""));
    }

    [Fact]
    public async Task Commit_Timeout_IsAnInternalErrorLikeCometBft()
    {
        await using var s = await RpcTestServer.StartAsync(options: new RpcServerOptions { BroadcastTxCommitTimeout = TimeSpan.FromMilliseconds(200) });
        Assert.Equal(
            Err(-32603, "Internal error", "timed out waiting for tx to be included in a block"),
            await s.CallAsync("broadcast_tx_commit", """{"tx":"c2xvdy10eA=="}"""));
    }

    [Fact]
    public async Task MissingTx_IsInvalidParams()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Err(-32602, "Invalid params", "error converting json params to arguments: param \"tx\": is required"),
            await s.CallAsync("broadcast_tx_sync"));
        Assert.Empty(s.Backend.Broadcasts);
    }

    [Fact]
    public async Task TxMustBeBase64()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Err(-32602, "Invalid params", "error converting json params to arguments: param \"tx\": invalid base64 string \"not base64!\""),
            await s.CallAsync("broadcast_tx_sync", """{"tx":"not base64!"}"""));
        Assert.Equal(
            Err(-32602, "Invalid params", "error converting json params to arguments: param \"tx\": expected a base64 string, got 12"),
            await s.CallAsync("broadcast_tx_sync", """{"tx":12}"""));
    }

    [Fact]
    public async Task UriForm_HexTx_IsTheSameTx()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body, _) = await s.GetAsync("/broadcast_tx_sync?tx=0x676f6f642d7478");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Ok($$"""{"code":0,"data":"","log":"","codespace":"","hash":"{{GoodHash}}"}""", "-1"), body);
        var (_, quoted, _) = await s.GetAsync("/broadcast_tx_sync?tx=" + Uri.EscapeDataString("\"good-tx\""));
        Assert.Equal(body, quoted);
    }

    [Fact]
    public async Task MaxSizeTx_FitsInTheDefaultBodyLimit()
    {
        await using var s = await RpcTestServer.StartAsync();
        var tx = new byte[RpcServerOptions.DefaultMaxTxBytes];
        tx.AsSpan().Fill((byte)'x');
        var body = await s.CallAsync("broadcast_tx_sync", $$"""{"tx":"{{Convert.ToBase64String(tx)}}"}""");
        Assert.StartsWith(Ok("""{"code":0,"data":"","log":"","codespace":"","hash":""").TrimEnd('}'), body, StringComparison.Ordinal);
        Assert.Equal(tx.Length, s.Backend.Broadcasts.Single().Length);
    }
}
