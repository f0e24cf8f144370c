using MirrorChain.Crypto;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Execution.Tests;

/// <summary>
/// A devnet genesis in memory: test1 (account 0) 1,000,000,000 uluna + 1,000,000,000 uusd; test2 (1) 10 uluna +
/// 1,000,000 uusd; test3 (2) 5,000 uluna; fee_collector is account 3; min gas prices 0.015uluna,0.15uusd.
/// </summary>
internal static class TestChain
{
    public const string ChainId = "mirrorchain-devnet-1";

    public static readonly BlockContext Block = new(ChainId, 5, new BlockTime(1_750_000_000, 0));

    public static GenesisAppState Genesis => new()
    {
        Auth = new GenesisAuth
        {
            Accounts =
            [
                new GenesisAccount { Address = TestKeys.Test1.Address.ToString() },
                new GenesisAccount { Address = TestKeys.Test2.Address.ToString() },
                new GenesisAccount { Address = TestKeys.Test3.Address.ToString() },
            ],
        },
        Bank = new GenesisBank
        {
            Balances =
            [
                Balance(TestKeys.Test1, ("uluna", "1000000000"), ("uusd", "1000000000")),
                Balance(TestKeys.Test2, ("uusd", "1000000"), ("uluna", "10")),
                Balance(TestKeys.Test3, ("uluna", "5000")),
            ],
        },
        Params = new GenesisParams { MinGasPrices = "0.015uluna,0.15uusd" },
    };

    private static GenesisBalance Balance(PrivateKey key, params (string Denom, string Amount)[] coins) => new()
    {
        Address = key.Address.ToString(),
        Coins = coins.Select(c => new GenesisCoin { Denom = c.Denom, Amount = c.Amount }).ToList(),
    };

    /// <summary>Fresh genesis state: a committed-like base plus a block cache over it.</summary>
    public static StateCache NewBlockState()
    {
        var genesis = new StateCache(new EmptyReader());
        GenesisApplier.Apply(Genesis, genesis);
        return new StateCache(genesis);
    }

    /// <summary>
    /// <paramref name="txBytes"/> executed as the only tx of <see cref="Block"/> on a fresh genesis state: its result,
    /// and the block state it leaves.
    /// </summary>
    public static (TxResult Result, StateCache State) ExecuteAlone(byte[] txBytes)
    {
        var state = NewBlockState();
        return (Assert.Single(new BlockExecutor().ExecuteBlock(Block, [txBytes], state)), state);
    }

    /// <summary>The tx failed with SDK <paramref name="code"/> and exactly <paramref name="log"/>.</summary>
    public static void AssertFailed(TxResult result, uint code, string log)
    {
        Assert.Equal(code, result.Code);
        Assert.Equal(log, result.Log);
    }

    public static BuiltTx Send(PrivateKey from, Address to, string amount, ulong sequence, string fee = "3000uluna",
        ulong gas = 200_000, ulong accountNumber = ulong.MaxValue, string chainId = ChainId, string memo = "") =>
        Sign(from, [new MsgSend(from.Address, to, Coins.Parse(amount))], sequence, fee, gas, accountNumber, chainId, memo);

    public static BuiltTx Sign(PrivateKey from, IReadOnlyList<ITxMessage> messages, ulong sequence, string fee = "3000uluna",
        ulong gas = 200_000, ulong accountNumber = ulong.MaxValue, string chainId = ChainId, string memo = "") =>
        TxBuilder.Sign(new TxSpec
        {
            Messages = messages,
            Fee = Coins.Parse(fee),
            GasLimit = gas,
            Memo = memo,
            ChainId = chainId,
            AccountNumber = accountNumber == ulong.MaxValue ? NumberOf(from) : accountNumber,
            Sequence = sequence,
        }, from);

    public static ulong NumberOf(PrivateKey key) =>
        key.Address == TestKeys.Test1.Address ? 0UL
        : key.Address == TestKeys.Test2.Address ? 1UL
        : key.Address == TestKeys.Test3.Address ? 2UL
        : 99UL;

    public static UInt128 Balance(IStateReader state, PrivateKey key, string denom) => Bank.GetBalance(state, key.Address, denom);

    public static Address FeeCollector => ModuleAccounts.FeeCollectorAddress;
}
