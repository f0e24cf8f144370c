using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>The bank module's events, attribute names and order as in Cosmos SDK 0.50.</summary>
public static class BankEvents
{
    public static Event CoinSpent(Address spender, IReadOnlyList<Coin> amount) => CoinSpent(spender, Coins.Format(amount));

    /// <summary><see cref="CoinSpent(Address, IReadOnlyList{Coin})"/> with the amount already formatted (<see cref="Coins.Format"/>).</summary>
    public static Event CoinSpent(Address spender, string amount) =>
        Event.Of("coin_spent", ("spender", spender.ToString()), ("amount", amount));

    public static Event CoinReceived(Address receiver, IReadOnlyList<Coin> amount) => CoinReceived(receiver, Coins.Format(amount));

    /// <summary><see cref="CoinReceived(Address, IReadOnlyList{Coin})"/> with the amount already formatted.</summary>
    public static Event CoinReceived(Address receiver, string amount) =>
        Event.Of("coin_received", ("receiver", receiver.ToString()), ("amount", amount));

    public static Event Transfer(Address recipient, Address sender, IReadOnlyList<Coin> amount) =>
        Transfer(recipient, sender, Coins.Format(amount));

    /// <summary><see cref="Transfer(Address, Address, IReadOnlyList{Coin})"/> with the amount already formatted.</summary>
    public static Event Transfer(Address recipient, Address sender, string amount) =>
        Event.Of("transfer", ("recipient", recipient.ToString()), ("sender", sender.ToString()), ("amount", amount));

    public static Event MessageSender(Address sender) => Event.Of("message", ("sender", sender.ToString()));
}
