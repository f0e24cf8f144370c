using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MirrorChain.Crypto;
using MirrorChain.Rpc.Lcd;
using MirrorChain.Storage;
using NSec.Cryptography;

namespace MirrorChain.Rpc.Tests;

/// <summary>
/// A devnet node signing with the devnet's validator key: <c>commit</c> and <c>block</c>'s <c>last_commit</c> verify
/// with the key <c>validators</c> names, over CometBFT's vote sign bytes rebuilt here from the JSON alone, also after
/// a restart; any change to what was signed fails.
/// </summary>
public sealed class SignedCommitTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mc-signed-rpc-" + Guid.NewGuid().ToString("N"));

    // The devnet validator key: its seed is SHA-256 of this sentence (genesis/generate-devnet.py, docs/signed-commits.md).
    private readonly Ed25519Key _devnetKey = Ed25519Key.FromSeed(SHA256.HashData("mirrorchain devnet validator"u8));

    public void Dispose()
    {
        _devnetKey.Dispose();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private NodeOptions Signing => new() { BlockSigner = new BlockSigner(_devnetKey) };

    [Fact]
    public void The_devnet_genesis_names_the_devnet_key_as_its_Ed25519_validator()
    {
        var v = DevnetBankChain.GenesisWithoutContracts().Validators[0];
        Assert.Equal("tendermint/PubKeyEd25519", v.PubKeyType);
        Assert.Equal(_devnetKey.PublicKey, v.PubKey);
        Assert.Equal(SHA256.HashData(_devnetKey.PublicKey)[..20], v.Address);
    }

    [Fact]
    public async Task Commits_verify_with_the_validators_key_and_block_last_commit_carries_the_same_signature_also_after_a_restart()
    {
        var times = new[]
        {
            DevnetBankChain.T0.AddNanoseconds(123_456_789),
            DevnetBankChain.T0.AddNanoseconds(1_000_000_000),
            DevnetBankChain.T0.AddNanoseconds(2_500_000_000),
        };
        using (var chain = new DevnetBankNode<RocksDbStore>(RocksDbStore.Open(_dir), Signing))
        {
            Assert.Equal(0u, chain.Backend.BroadcastTx(DevnetBankChain.Send(0, 5)).Code);
            foreach (var t in times)
            {
                chain.Node.ProduceBlock(t);
            }
            await AssertCommitsVerify(chain.Backend, 3);
        }
        // Restarted without the key (as a home whose key file was removed): the stored commits are still served.
        using (var chain = new DevnetBankNode<RocksDbStore>(RocksDbStore.Open(_dir)))
        {
            await AssertCommitsVerify(chain.Backend, 3);
        }
    }

    [Fact]
    public async Task A_changed_height_hash_time_or_chain_id_fails_verification()
    {
        using var chain = new DevnetBankNode<MemoryKeyValueStore>(new MemoryKeyValueStore(), Signing);
        chain.Node.ProduceBlock(DevnetBankChain.T0);
        await using var rpc = await Serve(chain.Backend);
        var commit = (await Call(rpc, "commit", """{"height":"1"}"""))["signed_header"]!["commit"]!;
        var pubKey = Convert.FromBase64String((await Call(rpc, "validators", """{"height":"1"}"""))["validators"]![0]!["pub_key"]!["value"]!.GetValue<string>());
        var sig = commit["signatures"]![0]!;
        var hash = Hex.Decode(commit["block_id"]!["hash"]!.GetValue<string>());
        var time = BlockTime.ParseRfc3339(sig["timestamp"]!.GetValue<string>());
        var signature = Convert.FromBase64String(sig["signature"]!.GetValue<string>());
        byte[] Bytes(string chainId, long height, byte[] h, BlockTime t) => CanonicalVote.SignBytes(chainId, CanonicalVote.Precommit, height, 0, h, 1, h, t);

        Assert.True(Verify(pubKey, Bytes("mirrorchain-devnet-1", 1, hash, time), signature));
        var otherHash = (byte[])hash.Clone();
        otherHash[0] ^= 1;
        Assert.False(Verify(pubKey, Bytes("mirrorchain-devnet-1", 2, hash, time), signature));
        Assert.False(Verify(pubKey, Bytes("mirrorchain-devnet-1", 1, otherHash, time), signature));
        Assert.False(Verify(pubKey, Bytes("mirrorchain-devnet-1", 1, hash, time.AddNanoseconds(1)), signature));
        Assert.False(Verify(pubKey, Bytes("mirrorchain-devnet-2", 1, hash, time), signature));
    }

    [Fact]
    public async Task An_unsigned_node_serves_commits_without_signatures()
    {
        using var chain = new DevnetBankNode<MemoryKeyValueStore>(new MemoryKeyValueStore());
        chain.Node.ProduceBlock(DevnetBankChain.T0);
        chain.Node.ProduceBlock(DevnetBankChain.T0.AddNanoseconds(1_000_000_000));
        await using var rpc = await Serve(chain.Backend);
        Assert.Empty((await Call(rpc, "commit", """{"height":"1"}"""))["signed_header"]!["commit"]!["signatures"]!.AsArray());
        Assert.Empty((await Call(rpc, "block", """{"height":"2"}"""))["block"]!["last_commit"]!["signatures"]!.AsArray());
    }

    [Fact]
    public async Task The_LCD_block_and_the_websocket_NewBlock_carry_the_previous_blocks_commit_signature()
    {
        using var chain = new DevnetBankNode<MemoryKeyValueStore>(new MemoryKeyValueStore(), Signing);
        chain.Node.ProduceBlock(DevnetBankChain.T0);
        await using var rpc = await Serve(chain.Backend);
        await using var ws = await WsTestClient.ConnectAsync(rpc);
        await ws.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"subscribe","params":{"query":"tm.event='NewBlock'"}}""");
        chain.Node.ProduceBlock(DevnetBankChain.T0.AddNanoseconds(1_000_000_000));

        var commit1 = (await Call(rpc, "commit", """{"height":"1"}"""))["signed_header"]!["commit"]!["signatures"]![0]!;
        var address = Hex.Decode(commit1["validator_address"]!.GetValue<string>());
        var signature = commit1["signature"]!.GetValue<string>();

        var pushed = (await ws.ReceiveJsonAsync()).GetProperty("result").GetProperty("data").GetProperty("value").GetProperty("block");
        Assert.Equal("2", pushed.GetProperty("header").GetProperty("height").GetString());
        var pushedSig = Assert.Single(pushed.GetProperty("last_commit").GetProperty("signatures").EnumerateArray());
        Assert.Equal(2, pushedSig.GetProperty("block_id_flag").GetInt32());
        Assert.Equal(signature, pushedSig.GetProperty("signature").GetString());

        await using var lcd = new LcdServer(chain.Backend, new LcdServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await lcd.StartAsync();
        using var http = new HttpClient { BaseAddress = lcd.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var gateway = JsonNode.Parse(await http.GetStringAsync(new Uri("/cosmos/base/tendermint/v1beta1/blocks/2", UriKind.Relative)))!;
        foreach (var name in new[] { "block", "sdk_block" })
        {
            var sig = Assert.Single(gateway[name]!["last_commit"]!["signatures"]!.AsArray())!;
            Assert.Equal("BLOCK_ID_FLAG_COMMIT", sig["block_id_flag"]!.GetValue<string>()); // proto3 JSON enum name
            Assert.Equal(Convert.ToBase64String(address), sig["validator_address"]!.GetValue<string>());
            Assert.Equal(commit1["timestamp"]!.GetValue<string>(), sig["timestamp"]!.GetValue<string>());
            Assert.Equal(signature, sig["signature"]!.GetValue<string>());
        }
        Assert.Empty(JsonNode.Parse(await http.GetStringAsync(new Uri("/cosmos/base/tendermint/v1beta1/blocks/1", UriKind.Relative)))!["block"]!["last_commit"]!["signatures"]!.AsArray());
    }

    /// <summary>Every commit 1..latest verifies from the JSON alone; block h+1's last_commit carries commit h's signatures.</summary>
    private static async Task AssertCommitsVerify(NodeRpcBackend backend, long latest)
    {
        await using var rpc = await Serve(backend);
        for (var h = 1L; h <= latest; h++)
        {
            var result = await Call(rpc, "commit", $$"""{"height":"{{h}}"}""");
            var header = result["signed_header"]!["header"]!;
            var commit = result["signed_header"]!["commit"]!;
            var validator = (await Call(rpc, "validators", $$"""{"height":"{{h}}"}"""))["validators"]![0]!;
            Assert.Equal("tendermint/PubKeyEd25519", validator["pub_key"]!["type"]!.GetValue<string>());
            var pubKey = Convert.FromBase64String(validator["pub_key"]!["value"]!.GetValue<string>());
            var signatures = commit["signatures"]!.AsArray();
            var sig = Assert.Single(signatures)!;
            Assert.Equal(2, sig["block_id_flag"]!.GetValue<int>());
            Assert.Equal(validator["address"]!.GetValue<string>(), sig["validator_address"]!.GetValue<string>());
            Assert.Equal(header["time"]!.GetValue<string>(), sig["timestamp"]!.GetValue<string>());

            var blockId = commit["block_id"]!;
            var signBytes = CanonicalVote.SignBytes(
                header["chain_id"]!.GetValue<string>(),
                CanonicalVote.Precommit,
                long.Parse(commit["height"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                commit["round"]!.GetValue<int>(),
                Hex.Decode(blockId["hash"]!.GetValue<string>()),
                blockId["parts"]!["total"]!.GetValue<uint>(),
                Hex.Decode(blockId["parts"]!["hash"]!.GetValue<string>()),
                BlockTime.ParseRfc3339(sig["timestamp"]!.GetValue<string>()));
            Assert.True(Verify(pubKey, signBytes, Convert.FromBase64String(sig["signature"]!.GetValue<string>())), $"commit {h} does not verify");

            if (h < latest)
            {
                var next = await Call(rpc, "block", $$"""{"height":"{{h + 1}}"}""");
                var lastCommit = next["block"]!["last_commit"]!;
                Assert.Equal(h.ToString(System.Globalization.CultureInfo.InvariantCulture), lastCommit["height"]!.GetValue<string>());
                Assert.Equal(blockId.ToJsonString(), lastCommit["block_id"]!.ToJsonString());
                Assert.Equal(signatures.ToJsonString(), lastCommit["signatures"]!.ToJsonString());
            }
        }
    }

    private static bool Verify(byte[] publicKey, byte[] message, byte[] signature) =>
        PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key)
        && SignatureAlgorithm.Ed25519.Verify(key!, message, signature);

    private static async Task<RpcServer> Serve(NodeRpcBackend backend)
    {
        var rpc = new RpcServer(backend, new RpcServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await rpc.StartAsync();
        return rpc;
    }

    private static async Task<JsonNode> Call(RpcServer rpc, string method, string paramsJson)
    {
        using var http = new HttpClient { BaseAddress = rpc.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var content = new StringContent($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":{{paramsJson}}}""", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/", UriKind.Relative), content);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["result"] ?? throw new InvalidOperationException($"{method}: {body.ToJsonString()}");
    }
}
