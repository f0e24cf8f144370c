using System.Text;
using MirrorChain.Core;
using MirrorChain.State;

namespace MirrorChain.Execution;

/// <summary>
/// The bank module: balances per (address, denom) and total supply per denom. Zero balances are not stored.
/// All methods go through the state they are given (a gas-metered view during txs).
/// </summary>
public static partial class Bank
{
    public static UInt128 GetBalance(IStateReader state, Address address, string denom) =>
        StoredAmount.Decode(state.Get(StateKeys.Balance(address, denom)));

    /// <summary>All non-zero balances of an address, sorted by denom (byte order).</summary>
    public static IReadOnlyList<Coin> GetAllBalances(IStateReader state, Address address)
    {
        var prefix = StateKeys.BalancesPrefix(address);
        var result = new List<Coin>();
        foreach (var (key, value) in state.Range(prefix, KeyRanges.PrefixEnd(prefix)))
        {
            result.Add(new Coin(Encoding.UTF8.GetString(key.AsSpan(prefix.Length)), StoredAmount.Decode(value)));
        }
        return result;
    }

    public static UInt128 GetSupply(IStateReader state, string denom) => StoredAmount.Decode(state.Get(StateKeys.Supply(denom)));

    private static void SetBalance(IStateWriter state, Address address, string denom, UInt128 amount) =>
        SetBalance(state, StateKeys.Balance(address, denom), amount);

    /// <summary>Writes a balance under its key (the key array is given to the state).</summary>
    private static void SetBalance(IStateWriter state, byte[] key, UInt128 amount)
    {
        if (amount == UInt128.Zero)
        {
            state.Delete(key);
        }
        else
        {
            state.SetOwned(key, StoredAmount.Encode(amount));
        }
    }

    /// <summary>
    /// Moves <paramref name="amount"/> (valid, sorted) from one address to another, creating the recipient's
    /// account when it has none. Debits first, coin by coin; a short balance is code 5
    /// "spendable balance 10uluna is smaller than 20uluna" (the balance prints empty when zero, as the SDK's).
    /// Returns the SDK 0.50 events: coin_spent, coin_received, transfer, message{sender}.
    /// </summary>
    public static IReadOnlyList<Event> Send(IStateWriter state, Address from, Address to, IReadOnlyList<Coin> amount)
    {
        Transfer(state, from, to, amount);
        var formatted = Coins.Format(amount);
        return
        [
            BankEvents.CoinSpent(from, formatted),
            BankEvents.CoinReceived(to, formatted),
            BankEvents.Transfer(to, from, formatted),
            BankEvents.MessageSender(from),
        ];
    }

    /// <summary>
    /// <see cref="Send"/> without building its events (CheckTx, whose answer carries none): the same reads, writes,
    /// gas and errors.
    /// </summary>
    public static void Transfer(IStateWriter state, Address from, Address to, IReadOnlyList<Coin> amount)
    {
        // One key array per balance, read then written (the state keeps it: it is not used again here).
        foreach (var coin in amount)
        {
            var key = StateKeys.Balance(from, coin.Denom);
            var balance = StoredAmount.Decode(state.Get(key));
            if (balance < coin.Amount)
            {
                var spendable = balance == UInt128.Zero ? "" : new Coin(coin.Denom, balance).ToString();
                throw SdkError.InsufficientFunds.Wrap($"spendable balance {spendable} is smaller than {coin}");
            }
            SetBalance(state, key, balance - coin.Amount);
        }
        foreach (var coin in amount)
        {
            var key = StateKeys.Balance(to, coin.Denom);
            SetBalance(state, key, checked(StoredAmount.Decode(state.Get(key)) + coin.Amount));
        }
        Accounts.EnsureExists(state, to);
    }

    /// <summary>Creates coins (genesis): credits the address, creating its account if needed, and raises supply.</summary>
    public static void Mint(IStateWriter state, Address to, IReadOnlyList<Coin> amount)
    {
        Accounts.GetOrCreate(state, to);
        foreach (var coin in amount)
        {
            SetBalance(state, to, coin.Denom, checked(GetBalance(state, to, coin.Denom) + coin.Amount));
            state.Set(StateKeys.Supply(coin.Denom), StoredAmount.Encode(checked(GetSupply(state, coin.Denom) + coin.Amount)));
        }
    }
}
