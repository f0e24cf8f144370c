using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Execution.Tests;

public class BlockTests
{
    private readonly BlockExecutor _executor = new();

    [Fact]
    public void Several_txs_from_one_account_run_in_order()
    {
        var state = TestChain.NewBlockState();
        var test1 = TestKeys.Test1;
        var txs = Enumerable.Range(0, 3)
            .Select(i => TestChain.Send(test1, TestKeys.Test2.Address, $"{i + 1}00uluna", sequence: (ulong)i).TxBytes)
            .ToList();

        var results = _executor.ExecuteBlock(TestChain.Block, txs, state);

        Assert.Equal([0u, 0u, 0u], results.Select(r => r.Code));
        Assert.Equal(3UL, Accounts.Get(state, test1.Address)!.Sequence);
        Assert.Equal((UInt128)(10 + 100 + 200 + 300), TestChain.Balance(state, TestKeys.Test2, "uluna"));
        Assert.Equal((UInt128)(1_000_000_000 - 600 - 9000), TestChain.Balance(state, test1, "uluna"));
        Assert.Equal((UInt128)9000, Bank.GetBalance(state, TestChain.FeeCollector, "uluna"));
        Assert.Equal([$"{test1.Address}/0", $"{test1.Address}/1", $"{test1.Address}/2"],
            results.Select(r => r.Events.First(e => e.Attributes[0].Key == "acc_seq").Attributes[0].Value));
    }

    [Fact]
    public void Out_of_order_sequences_fail_individually()
    {
        var state = TestChain.NewBlockState();
        var test1 = TestKeys.Test1;
        var txs = new[] { 1UL, 0UL, 1UL }
            .Select(seq => TestChain.Send(test1, TestKeys.Test2.Address, "1uluna", sequence: seq).TxBytes)
            .ToList();

        var results = _executor.ExecuteBlock(TestChain.Block, txs, state);

        Assert.Equal([32u, 0u, 0u], results.Select(r => r.Code));
    }

    private static IReadOnlyList<byte[]> MixedBlock()
    {
        var badSig = TestChain.Send(TestKeys.Test2, TestKeys.Test1.Address, "1uluna", sequence: 1, fee: "30000uusd");
        var tampered = (byte[])badSig.Signature.Clone();
        tampered[3] ^= 0x80;
        return
        [
            TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1000uluna", sequence: 0).TxBytes,
            TestChain.Send(TestKeys.Test2, TestKeys.Test3.Address, "20000uluna", sequence: 0, fee: "30000uusd").TxBytes,
            TxBuilder.RawBytes(badSig.BodyBytes, badSig.AuthInfoBytes, tampered),
            TestChain.Send(TestKeys.Test1, TestKeys.Test4.Address, "7uluna,9uusd", sequence: 1).TxBytes,
            TestChain.Sign(TestKeys.Test1, [new MsgExecuteContract(TestKeys.Test1.Address, TestKeys.Test4.Address, Encoding.UTF8.GetBytes("{\"a\":{}}"), [])], sequence: 2).TxBytes,
            TestChain.Send(TestKeys.Test4, TestKeys.Test1.Address, "1uluna", sequence: 0, fee: "", accountNumber: 4).TxBytes,
            [0x01, 0x02, 0x03],
        ];
    }

    private static string Describe(TxResult r) =>
        $"{r.Code}|{r.Codespace}|{r.Log}|{r.GasWanted}|{r.GasUsed}|{Hex.Lower(r.Data)}|{string.Join(";", EventText.Of(r.Events))}";

    private static string Describe(IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes) =>
        string.Join("\n", changes.Select(c => $"{Hex.Lower(c.Key)}={(c.Value is null ? "<deleted>" : Hex.Lower(c.Value))}"));

    [Fact]
    public void The_same_block_on_fresh_states_gives_identical_results_and_changes()
    {
        var block = MixedBlock();
        var stateA = TestChain.NewBlockState();
        var stateB = TestChain.NewBlockState();

        var a = _executor.ExecuteBlock(TestChain.Block, block, stateA);
        var b = new BlockExecutor().ExecuteBlock(TestChain.Block, block, stateB,
            BlockExecutor.PreVerifySignatures(block, stateB, TestChain.ChainId));

        Assert.Equal([0u, 5u, 4u, 0u, 8u, 13u, 2u], a.Select(r => r.Code));
        Assert.Equal(a.Select(Describe), b.Select(Describe));
        Assert.Equal(Describe(stateA.Changes()), Describe(stateB.Changes()));
        Assert.NotEmpty(stateA.Changes());
    }

    [Fact]
    public void Pre_verification_answers_per_tx_and_false_never_changes_a_result()
    {
        var block = MixedBlock();
        var start = TestChain.NewBlockState();

        var verified = BlockExecutor.PreVerifySignatures(block, start, TestChain.ChainId);

        // test4 has no account at block start: not decidable up front, so false (the executor then checks itself)
        Assert.Equal([true, true, false, true, true, false, false], verified);
        var allFalse = _executor.ExecuteBlock(TestChain.Block, block, TestChain.NewBlockState(), new bool[block.Count]);
        var none = _executor.ExecuteBlock(TestChain.Block, block, TestChain.NewBlockState());
        Assert.Equal(none.Select(Describe), allFalse.Select(Describe));
    }

    [Fact]
    public void Pre_verification_for_another_chain_id_is_all_false()
    {
        var block = MixedBlock();

        Assert.All(BlockExecutor.PreVerifySignatures(block, TestChain.NewBlockState(), "other-chain"), Assert.False);
    }

    [Fact]
    public void Preverified_array_must_match_the_tx_count()
    {
        Assert.Throws<ArgumentException>(() =>
            _executor.ExecuteBlock(TestChain.Block, [[1]], TestChain.NewBlockState(), [true, false]));
    }

    [Fact]
    public void An_empty_block_changes_nothing()
    {
        var state = TestChain.NewBlockState();

        Assert.Empty(_executor.ExecuteBlock(TestChain.Block, [], state));
        Assert.Empty(state.Changes());
    }

    [Fact]
    public void Results_do_not_depend_on_the_committed_layering()
    {
        // executing into one flat cache vs. a cache over a cache: same results
        var block = MixedBlock();
        var flat = new StateCache(new EmptyReader());
        GenesisApplier.Apply(TestChain.Genesis, flat);

        var a = _executor.ExecuteBlock(TestChain.Block, block, flat);
        var b = _executor.ExecuteBlock(TestChain.Block, block, TestChain.NewBlockState());

        Assert.Equal(a.Select(Describe), b.Select(Describe));
    }
}
