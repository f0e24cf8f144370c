using System.Net;
using MirrorChain.Rpc;
using MirrorChain.Rpc.Lcd;
using MirrorChain.Rpc.Remote;
using MirrorChain.Storage;

namespace MirrorChain.Abci.Tests;

/// <summary>
/// A devnet node standing in for CometBFT (it orders the blocks and serves CometBFT's JSON-RPC, and its own LCD for
/// comparison), the same blocks fed through the ABCI application (<see cref="AbciChain"/>), and the LCD of the ABCI
/// node: state from the ABCI app, blocks, txs and broadcasts from the devnet's JSON-RPC — as a node under CometBFT.
/// </summary>
internal sealed class CometBftStandIn : IAsyncDisposable
{
    private CometBftStandIn(ChainNode devnet, NodeRpcBackend devnetBackend, RpcServer devnetRpc, LcdServer devnetLcd,
        AbciChain abci, CometBftRpcClient client, LcdServer abciLcd, IReadOnlyList<Block> blocks)
    {
        Devnet = devnet;
        DevnetBackend = devnetBackend;
        DevnetRpc = devnetRpc;
        DevnetLcd = new LcdClient(devnetLcd.BaseAddress!);
        DevnetLcdServer = devnetLcd;
        Abci = abci;
        Client = client;
        AbciLcd = new LcdClient(abciLcd.BaseAddress!);
        AbciLcdServer = abciLcd;
        Blocks = blocks;
    }

    public ChainNode Devnet { get; }

    public NodeRpcBackend DevnetBackend { get; }

    public RpcServer DevnetRpc { get; }

    public LcdClient DevnetLcd { get; }

    private LcdServer DevnetLcdServer { get; }

    public AbciChain Abci { get; }

    public CometBftRpcClient Client { get; }

    public LcdClient AbciLcd { get; }

    private LcdServer AbciLcdServer { get; }

    /// <summary>The devnet's blocks, 1…n, each with sends from test2 (block h has h txs).</summary>
    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>The next sequence of test2 after the blocks.</summary>
    public ulong NextSequence { get; private set; }

    public static LcdServerOptions Loopback() => new() { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) };

    /// <summary>Produces <paramref name="height"/> devnet blocks and feeds them through InitChain, FinalizeBlock and Commit.</summary>
    public static async Task<CometBftStandIn> StartAsync(int height = 3)
    {
        var devnet = ChainNode.Open(new MemoryKeyValueStore(), AbciChain.Genesis, AbciChain.Application());
        var devnetBackend = new NodeRpcBackend(devnet, "devnet", new string('d', 40), "tcp://127.0.0.1:0");
        var devnetRpc = new RpcServer(devnetBackend, new RpcServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await devnetRpc.StartAsync();
        var devnetLcd = new LcdServer(devnetBackend, Loopback());
        await devnetLcd.StartAsync();

        var blocks = new List<Block>();
        ulong sequence = 0;
        for (var h = 1; h <= height; h++)
        {
            for (var i = 0; i < h; i++)
            {
                Assert.Equal(0u, devnet.SubmitTx(DevnetBankChain.Send(sequence++, (ulong)(100 * h + i))).Code);
            }
            blocks.Add(devnet.ProduceBlock(DevnetBankChain.T0.AddNanoseconds(h * 1_000_000_000L)).Block);
        }

        var abci = AbciChain.Start();
        using (var consensus = abci.Connect())
        {
            consensus.Call(AbciChain.InitChain());
            foreach (var block in blocks)
            {
                consensus.Call(AbciChain.Finalize(block.Header.Height, block.Header.Time, block.Txs, block.Hash));
                consensus.Call(AbciChain.Commit());
            }
        }
        Assert.Equal(devnet.LatestAppHash, abci.Node.LatestAppHash);

        var client = new CometBftRpcClient(devnetRpc.BaseAddress!.ToString());
        var abciLcd = new LcdServer(abci.Backend, Loopback() with { Chain = new CometBftLcdChain(client) });
        await abciLcd.StartAsync();
        return new CometBftStandIn(devnet, devnetBackend, devnetRpc, devnetLcd, abci, client, abciLcd, blocks) { NextSequence = sequence };
    }

    public async ValueTask DisposeAsync()
    {
        AbciLcd.Dispose();
        DevnetLcd.Dispose();
        await AbciLcdServer.DisposeAsync();
        await DevnetLcdServer.DisposeAsync();
        await DevnetRpc.DisposeAsync();
        Client.Dispose();
        await Abci.DisposeAsync();
        DevnetBackend.Dispose();
        Devnet.Dispose();
    }
}

/// <summary>An HTTP client for one LCD: status, body and the block-height header of each answer.</summary>
internal sealed class LcdClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public Uri BaseAddress => baseAddress;

    public sealed record Answer(HttpStatusCode Status, string Body, string? Height);

    public async Task<Answer> GetAsync(string pathAndQuery)
    {
        using var response = await _http.GetAsync(pathAndQuery);
        return await ReadAsync(response);
    }

    public async Task<Answer> PostAsync(string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content);
        return await ReadAsync(response);
    }

    private static async Task<Answer> ReadAsync(HttpResponseMessage response) => new(
        response.StatusCode,
        await response.Content.ReadAsStringAsync(),
        response.Headers.TryGetValues(LcdServer.HeightHeader, out var values) ? values.Single() : null);

    public void Dispose() => _http.Dispose();
}
