using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>The bank module's events, attribute names and order as in Cosmos SDK 0.50.</summary>
public static class BankEvents
{
    public static Event CoinSpent(Address spender, IReadOnlyList<Coin> amount) =>
        Event.Of("coin_spent", ("spender", spender.ToString()), ("amount", Coins.Format(amount)));

    public static Event CoinReceived(Address receiver, IReadOnlyList<Coin> amount) =>
        Event.Of("coin_received", ("receiver", receiver.ToString()), ("amount", Coins.Format(amount)));

    public static Event Transfer(Address recipient, Address sender, IReadOnlyList<Coin> amount) =>
        Event.Of("transfer", ("recipient", recipient.ToString()), ("sender", sender.ToString()), ("amount", Coins.Format(amount)));

    public static Event MessageSender(Address sender) => Event.Of("message", ("sender", sender.ToString()));
}
