using MirrorChain.Storage;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;
using MsgExecuteContract = MirrorChain.Tx.Messages.MsgExecuteContract;

namespace MirrorChain.Execution.Tests;

/// <summary>What a tx may turn into a result (its own failures, a module bug) and what it may not (node faults).</summary>
public class TxFaultTests
{
    private static readonly Address Contract = Address.FromBytes(Hashing.Sha256("throwing contract"u8));

    /// <summary>Writes, then throws what the message names: "npe", "storage", "invariant"; anything else succeeds.</summary>
    private sealed class ThrowingRuntime : IContractRuntime
    {
        public ContractExecution Execute(TxContext ctx, Address sender, Address contract, byte[] msgJson, IReadOnlyList<Coin> funds)
        {
            ctx.State.Set([StateKeys.Wasm, 0x01, .. contract.Bytes], msgJson);
            var text = Encoding.UTF8.GetString(msgJson);
            if (text.Contains("npe", StringComparison.Ordinal))
            {
                throw new NullReferenceException("Object reference not set to an instance of an object.");
            }
            if (text.Contains("storage", StringComparison.Ordinal))
            {
                throw new RocksDbException("IO error: No space left on device");
            }
            if (text.Contains("invariant", StringComparison.Ordinal))
            {
                throw new InvariantViolationException("supply mismatch");
            }
            return new ContractExecution([], []);
        }

        public byte[] QuerySmart(IStateReader state, BlockContext block, Address contract, byte[] queryJson) => "{}"u8.ToArray();

        public ContractInfo? ContractInfo(IStateReader state, Address contract) =>
            contract == Contract ? new ContractInfo { CodeId = 1, Creator = contract.ToString(), Label = "throwing" } : null;
    }

    private static byte[] ExecuteTx(string json, string funds, ulong sequence) =>
        TestChain.Sign(TestKeys.Test1, [new MsgExecuteContract(TestKeys.Test1.Address, Contract, Encoding.UTF8.GetBytes(json), Coins.Parse(funds))], sequence).TxBytes;

    private static StateCache StateWithMaxGas(long maxBlockGas)
    {
        var genesis = new StateCache(new EmptyReader());
        GenesisApplier.Apply(TestChain.Genesis with { Params = TestChain.Genesis.Params with { MaxBlockGas = maxBlockGas } }, genesis);
        return new StateCache(genesis);
    }

    [Fact]
    public void CheckTx_refuses_a_gas_limit_above_the_block_max_gas_with_code_41_and_charges_nothing()
    {
        var pending = new StateCache(StateWithMaxGas(100_000_000));
        var greedy = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", 0, fee: "15000000000000uluna", gas: 1_000_000_000_000);

        var result = new TxExecutor().CheckTx(greedy.TxBytes, pending, TestChain.Block);

        Assert.Equal((41u, "sdk"), (result.Code, result.Codespace));
        Assert.Equal("tx gas limit 1000000000000 exceeds block max gas 100000000: invalid gas limit", result.Log);
        Assert.Equal((1_000_000_000_000L, 0L), (result.GasWanted, result.GasUsed));
        Assert.Empty(pending.Changes());
        var fits = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", 0, fee: "1500000uluna", gas: 100_000_000);
        Assert.Equal(0u, new TxExecutor().CheckTx(fits.TxBytes, pending, TestChain.Block).Code);
    }

    [Fact]
    public void A_block_tx_over_the_block_max_gas_fails_with_code_41_and_no_fee_or_sequence_change()
    {
        var state = StateWithMaxGas(100_000_000);
        var greedy = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", 0, fee: "15000000000000uluna", gas: 1_000_000_000_000);
        var balance = TestChain.Balance(state, TestKeys.Test1, "uluna");

        var result = Assert.Single(new BlockExecutor().ExecuteBlock(TestChain.Block, [greedy.TxBytes], state));

        Assert.Equal(41u, result.Code);
        Assert.Equal(balance, TestChain.Balance(state, TestKeys.Test1, "uluna"));
        Assert.Equal(0UL, Accounts.Get(state, TestKeys.Test1.Address)!.Sequence);
    }

    [Fact]
    public void Unlimited_block_gas_accepts_any_gas_limit()
    {
        var pending = new StateCache(StateWithMaxGas(-1));
        var big = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", 0, fee: "15000000uluna", gas: 1_000_000_000);
        Assert.Equal(0u, new TxExecutor().CheckTx(big.TxBytes, pending, TestChain.Block).Code);
    }

    [Fact]
    public void A_tx_whose_message_throws_unexpectedly_fails_with_the_SDK_panic_code_and_the_block_goes_on()
    {
        (IReadOnlyList<TxResult> Results, IReadOnlyList<KeyValuePair<byte[], byte[]?>> Changes) Run()
        {
            var state = TestChain.NewBlockState();
            var txs = new[]
            {
                ExecuteTx("{\"npe\":{}}", "1000uusd", 0),
                TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "5uluna", 1).TxBytes,
            };
            var results = new BlockExecutor(new ThrowingRuntime()).ExecuteBlock(TestChain.Block, txs, state);
            Assert.Null(state.Get([StateKeys.Wasm, 0x01, .. Contract.Bytes]));          // the contract's write is gone
            Assert.Equal(UInt128.Zero, Bank.GetBalance(state, Contract, "uusd"));       // so are the funds
            Assert.Equal(2UL, Accounts.Get(state, TestKeys.Test1.Address)!.Sequence);  // fee + sequence kept, as the SDK
            Assert.Equal((UInt128)15, TestChain.Balance(state, TestKeys.Test2, "uluna")); // the next tx ran
            return (results, state.Changes());
        }

        var (results, changes) = Run();
        var panicked = results[0];
        Assert.Equal((111222u, "undefined"), (panicked.Code, panicked.Codespace));
        Assert.Equal("panic message redacted to hide potentially sensitive system info: panic", panicked.Log);
        Assert.Equal("System.NullReferenceException: Object reference not set to an instance of an object.", panicked.Info);
        Assert.True(panicked.GasUsed > 0);
        Assert.Empty(panicked.Data);
        Assert.Equal(0u, results[1].Code);

        // Deterministic: the same block over the same state gives the same results and writes.
        var (again, changesAgain) = Run();
        Assert.Equal(results.Select(r => (r.Code, r.Codespace, r.Log, r.GasWanted, r.GasUsed)), again.Select(r => (r.Code, r.Codespace, r.Log, r.GasWanted, r.GasUsed)));
        Assert.Equal(changes.Select(c => Hex.Upper(c.Key) + "=" + (c.Value is null ? "-" : Hex.Upper(c.Value))),
            changesAgain.Select(c => Hex.Upper(c.Key) + "=" + (c.Value is null ? "-" : Hex.Upper(c.Value))));
    }

    [Fact]
    public void An_undecodable_tx_that_throws_a_host_exception_is_a_failed_result_not_a_crash()
    {
        var state = TestChain.NewBlockState();
        var results = new BlockExecutor().ExecuteBlock(TestChain.Block, [[0xFF, 0xFF, 0xFF], [0x0A, 0x80]], state);
        Assert.All(results, r => Assert.NotEqual(0u, r.Code));
        Assert.Empty(state.Changes());
    }

    [Fact]
    public void A_storage_failure_or_an_invariant_violation_inside_a_tx_stops_the_block_instead_of_becoming_a_result()
    {
        var executor = new BlockExecutor(new ThrowingRuntime());
        Assert.Throws<RocksDbException>(() =>
            executor.ExecuteBlock(TestChain.Block, [ExecuteTx("{\"storage\":{}}", "", 0)], TestChain.NewBlockState()));
        Assert.Throws<InvariantViolationException>(() =>
            executor.ExecuteBlock(TestChain.Block, [ExecuteTx("{\"invariant\":{}}", "", 0)], TestChain.NewBlockState()));
        Assert.Throws<RocksDbException>(() =>
            new TxExecutor(new ThrowingRuntime()).Simulate(ExecuteTx("{\"storage\":{}}", "", 0), TestChain.NewBlockState(), TestChain.Block));
    }
}
