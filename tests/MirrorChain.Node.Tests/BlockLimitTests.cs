namespace MirrorChain.Node.Tests;

public sealed class BlockLimitTests
{
    private static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-02-01T10:00:00Z");

    private static byte[] Tx(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Genesis_block_limits_follow_CometBFT_rules_and_arithmetic()
    {
        var doc = TestGenesis.WithLimits("22020096", "1000000000");
        Assert.Equal(22_020_096, doc.MaxBlockBytes);
        Assert.Equal(1_000_000_000, doc.MaxBlockGas);
        Assert.Equal(22_020_096 - 11 - 626 - 94 - 111, doc.MaxDataBytes); // CometBFT types.MaxDataBytes, one validator
        Assert.Equal(BlockLimits.MaxBlockSizeBytes - 842, TestGenesis.WithLimits("-1", "-1").MaxDataBytes);
        Assert.Equal(5, BlockLimits.TxSize(3));
        Assert.Equal(300 + 2 + 1, BlockLimits.TxSize(300));
        foreach (var (bytes, gas, error) in new[]
        {
            ("0", "-1", "max_bytes must be -1 or 1..104857600, got 0"),
            ("-2", "-1", "max_bytes must be -1 or 1..104857600, got -2"),
            ("104857601", "-1", "max_bytes must be -1 or 1..104857600, got 104857601"),
            ("800", "-1", "max_bytes 800 leaves no room for txs"),
            ("4096", "0", "max_gas must be -1 (unlimited) or positive, got 0"),
            ("4096", "-2", "max_gas must be -1 (unlimited) or positive, got -2"),
        })
        {
            var e = Assert.Throws<InvalidDataException>(() => TestGenesis.WithLimits(bytes, gas));
            Assert.Contains(error, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_tx_wanting_more_gas_than_max_gas_is_refused_at_CheckTx_with_code_41()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.WithLimits("4096", "1000"), new KvTestApplication());
        var greedy = node.SubmitTx(Tx("1000000000000|a=1"));
        Assert.Equal((41u, "sdk"), (greedy.Code, greedy.Codespace));
        Assert.Equal("tx gas limit 1000000000000 exceeds block max gas 1000: invalid gas limit", greedy.Log);
        Assert.Equal(0, node.Mempool.Count);
        Assert.Equal(41u, node.SubmitTx(Tx("1000000000000|a=1")).Code); // refused again by CheckTx, not by the cache
        Assert.Equal(0u, node.SubmitTx(Tx("1000|a=1")).Code);           // exactly max_gas fits
    }

    [Fact]
    public void A_tx_too_big_for_any_block_is_refused_with_code_21()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication());
        var dataBytes = TestGenesis.Doc.MaxDataBytes; // 4096 - 842 = 3254
        var fits = Tx("a=" + new string('x', (int)dataBytes - 5));   // 2 + x, + tag 1 + length varint 2 = dataBytes
        var tooBig = Tx("b=" + new string('x', (int)dataBytes - 4));
        Assert.Equal(0u, node.SubmitTx(fits).Code);
        var refused = node.SubmitTx(tooBig);
        Assert.Equal((21u, "sdk"), (refused.Code, refused.Codespace));
        Assert.Equal($"tx size {dataBytes + 1} exceeds the {dataBytes} bytes a block has for txs (consensus_params.block.max_bytes 4096): tx too large", refused.Log);
        var (block, _) = node.ProduceBlock(T0);
        Assert.Single(block.Txs);
    }

    [Fact]
    public void A_flood_never_makes_a_block_exceed_max_bytes_or_max_gas()
    {
        var genesis = TestGenesis.WithLimits("4096", "1000");
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, genesis, new KvTestApplication(), new NodeOptions { MempoolMaxTxs = 10_000 });
        var submitted = 0;
        for (var i = 0; i < 300; i++)
        {
            // first gas-heavy small txs (max_gas binds), then light but large ones (max_bytes binds)
            var tx = i < 150
                ? Tx($"{100 + (i * 37 % 231)}|k{i}=" + new string('v', 10 + (i % 20)))
                : Tx($"{1 + (i % 10)}|k{i}=" + new string('v', 100 + (i * 53 % 200)));
            Assert.Equal(0u, node.SubmitTx(tx).Code);
            submitted++;
        }
        var committed = 0;
        var sawGasBound = false;
        var sawBytesBound = false;
        for (var h = 1; node.Mempool.Count > 0; h++)
        {
            Assert.True(h < 1000, "the mempool never drained");
            var (block, results) = node.ProduceBlock(T0.AddNanoseconds(h * 1_000_000_000L));
            var bytes = BlockLimits.TxsSize(block.Txs);
            var gas = block.Txs.Sum(t => KvTestApplication.GasOf(Encoding.UTF8.GetString(t)));
            Assert.InRange(bytes, 1, genesis.MaxDataBytes);
            Assert.InRange(gas, 1, genesis.MaxBlockGas);
            Assert.Equal(gas, results.TxResults.Sum(r => r.GasWanted));
            sawGasBound |= gas > genesis.MaxBlockGas - 330;
            sawBytesBound |= bytes > genesis.MaxDataBytes - 310;
            committed += block.Txs.Count;
        }
        Assert.Equal(submitted, committed);
        Assert.True(sawGasBound && sawBytesBound);
    }

    [Fact]
    public void PrepareBlock_refuses_a_block_over_max_bytes_or_max_gas_and_stages_nothing()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.WithLimits("4096", "1000"), new KvTestApplication());
        var big = Enumerable.Range(0, 40).Select(i => Tx($"k{i}=" + new string('v', 100))).ToList();
        var e = Assert.Throws<InvalidBlockException>(() => node.PrepareBlock(T0, big));
        Assert.Equal($"block 1 is invalid: its txs take {BlockLimits.TxsSize(big)} bytes, more than the 3254 that consensus_params.block.max_bytes 4096 leaves for txs", e.Message);

        var greedy = new[] { Tx("600|a=1"), Tx("600|b=1") };
        e = Assert.Throws<InvalidBlockException>(() => node.PrepareBlock(T0, greedy));
        Assert.Equal("block 1 is invalid: its txs want 1200 gas, more than consensus_params.block.max_gas 1000", e.Message);

        Assert.Equal(0, node.LatestHeight);
        Assert.Equal(0, new BlockStore(db).LatestHeight);
        var (block, _) = node.ProduceBlock(T0); // the commit lock was released
        Assert.Equal(1, block.Header.Height);
    }

    [Fact]
    public void Replay_refuses_a_stored_block_over_the_genesis_limits()
    {
        // A chain produced under looser limits, replayed under the real genesis: blocks 2 (gas) and the bytes case.
        using var source = new MemoryKeyValueStore();
        using (var node = ChainNode.Open(source, TestGenesis.WithLimits("4096", "-1"), new KvTestApplication()))
        {
            node.SubmitTx(Tx("a=1"));
            node.ProduceBlock(T0);
            node.SubmitTx(Tx("600|b=1"));
            node.SubmitTx(Tx("600|c=1"));
            node.ProduceBlock(T0.AddNanoseconds(1_000_000_000));
        }
        using var target = new MemoryKeyValueStore();
        var outcome = new Replayer(source, TestGenesis.WithLimits("4096", "1000"), () => new KvTestApplication()).Run(target);
        Assert.False(outcome.Ok);
        Assert.Equal(2, outcome.FirstMismatchHeight);
        Assert.Equal(1, outcome.BlocksReplayed);
        Assert.Equal("block 2 is invalid: its txs want 1200 gas, more than consensus_params.block.max_gas 1000", outcome.Mismatch);
    }
}
