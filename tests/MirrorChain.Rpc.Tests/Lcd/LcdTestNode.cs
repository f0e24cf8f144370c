using System.Text.Json.Nodes;
using MirrorChain.Crypto;
using MirrorChain.Execution.Contracts;
using MirrorChain.Rpc.Lcd;
using MirrorChain.Storage;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Rpc.Tests.Lcd;

/// <summary>
/// A real node (MirrorApplication, the devnet genesis plus one <see cref="EchoContract"/> instantiated at genesis) behind a
/// real Kestrel <see cref="LcdServer"/> on 127.0.0.1 with an ephemeral port. Blocks are produced only when a test asks.
/// </summary>
internal sealed class LcdTestNode : IAsyncDisposable
{
    public const string ChainId = "mirrorchain-devnet-1";
    public const string Test2Mnemonic = "quality vacuum heart guard buzz spike sight swarm shove special gym robust assume sudden deposit grid alcohol choice devote leader tilt noodle tide penalty";
    public static readonly Address Test3 = Address.Parse("terra1757tkx08n0cqrw7p86ny9lnxsqeth0wgp0em95");
    public static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-03-02T15:00:00.25Z");

    private readonly MemoryKeyValueStore _db;
    private readonly HttpClient _http;

    private LcdTestNode(MemoryKeyValueStore db, ChainNode node, NodeRpcBackend backend, LcdServer server, Address contract)
    {
        _db = db;
        Node = node;
        Backend = backend;
        Server = server;
        Contract = contract;
        _http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ChainNode Node { get; }

    public NodeRpcBackend Backend { get; }

    public LcdServer Server { get; }

    public Address Contract { get; }

    public PrivateKey Test2 { get; } = PrivateKey.FromMnemonic(Test2Mnemonic);

    public static async Task<LcdTestNode> StartAsync(LcdServerOptions? options = null)
    {
        var genesis = JsonNode.Parse(File.ReadAllText(MirrorChain.Tests.RepoPaths.File("genesis/devnet.json")))!.AsObject();
        genesis["app_state"]!["wasm"] = JsonNode.Parse($$$$"""
            {"steps":[{"instantiate":{"name":"echo","sender":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v","code_id":{{{{EchoContract.CodeId}}}},
              "label":"echo","msg":{},"admin":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v"}}]}
            """);
        var app = new MirrorApplication(new ContractRuntime(new ContractRegistry().Register(EchoContract.CodeId, new EchoContract())));
        var db = new MemoryKeyValueStore();
        var node = ChainNode.Open(db, GenesisDoc.Parse(genesis.ToJsonString()), app);
        var backend = new NodeRpcBackend(node, "lcd-test", new string('a', 40), "tcp://127.0.0.1:26657");
        options = (options ?? new LcdServerOptions()) with { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) };
        var server = new LcdServer(backend, options);
        await server.StartAsync();
        var contract = app.GenesisContracts.Single(c => c.Key == "echo").Value;
        return new LcdTestNode(db, node, backend, server, contract);
    }


    /// <summary>test2 (account number 2 in the devnet genesis) signs one message.</summary>
    public byte[] Sign(ITxMessage message, ulong sequence, string memo = "") => TxBuilder.Sign(new TxSpec
    {
        Messages = [message],
        Fee = [new Coin("uluna", 3000)],
        GasLimit = 200_000,
        Memo = memo,
        ChainId = ChainId,
        AccountNumber = 2,
        Sequence = sequence,
    }, Test2).TxBytes;

    public byte[] Send(ulong sequence, ulong amount, string memo = "") =>
        Sign(new MsgSend(Test2.Address, Test3, [new Coin("uluna", amount)]), sequence, memo);

    public byte[] Execute(ulong sequence, string msgJson) =>
        Sign(new MirrorChain.Tx.Messages.MsgExecuteContract(Test2.Address, Contract, Encoding.UTF8.GetBytes(msgJson), []), sequence);

    public (Block Block, BlockResults Results) ProduceBlock(int seconds = 0) => Node.ProduceBlock(T0.AddNanoseconds(seconds * 1_000_000_000L));

    /// <summary>GETs <paramref name="pathAndQuery"/>, checks it is the gateway's 400 "invalid address: …" error, and returns its body.</summary>
    public async Task<string> GetInvalidAddressAsync(string pathAndQuery)
    {
        var (status, body) = await GetAsync(pathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("""{"code":3,"message":"invalid address: """, body);
        return body;
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string pathAndQuery)
    {
        using var response = await _http.GetAsync(pathAndQuery);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => await _http.SendAsync(request);

    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string TxBytesBody(byte[] tx, string? mode = null) => mode is null
        ? $$$$"""{"tx_bytes":"{{{{Convert.ToBase64String(tx)}}}}"}"""
        : $$$$"""{"tx_bytes":"{{{{Convert.ToBase64String(tx)}}}}","mode":"{{{{mode}}}}"}""";

    public static string Error(int code, string message) =>
        $$$$"""{"code":{{{{code}}}},"message":{{{{System.Text.Json.JsonSerializer.Serialize(message, Relaxed)}}}},"details":[]}""";

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
        Backend.Dispose();
        Node.Dispose();
        _db.Dispose();
    }
}
