using static MirrorChain.Rpc.Tests.Golden;

namespace MirrorChain.Rpc.Tests;

public sealed class MempoolMethodsTests
{
    [Fact]
    public async Task NumUnconfirmedTxs_CountsAsStringsAndNullTxs()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Ok("""{"n_txs":"2","total":"2","total_bytes":"11","txs":null}"""), await s.CallAsync("num_unconfirmed_txs"));
    }

    [Fact]
    public async Task UnconfirmedTxs_ListsBase64TxsUpToTheLimit()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Ok("""{"n_txs":"2","total":"2","total_bytes":"11","txs":["bWVtLTE=","bWVtLTIy"]}"""), await s.CallAsync("unconfirmed_txs"));
        Assert.Equal(Ok("""{"n_txs":"1","total":"2","total_bytes":"11","txs":["bWVtLTE="]}"""), await s.CallAsync("unconfirmed_txs", """{"limit":"1"}"""));
    }
}
