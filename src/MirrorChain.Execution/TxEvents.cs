using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>The ante and message-envelope events of Cosmos SDK 0.50.</summary>
public static class TxEvents
{
    public static Event Fee(IReadOnlyList<Coin> fee, Address payer) =>
        Event.Of("tx", ("fee", Coins.Format(fee)), ("fee_payer", payer.ToString()));

    public static Event AccountSequence(Address signer, ulong sequence) =>
        Event.Of("tx", ("acc_seq", $"{signer}/{sequence}"));

    public static Event Signature(byte[] signature) => Event.Of("tx", ("signature", Convert.ToBase64String(signature)));

    /// <summary>message{action, sender, module}: module = second dot-separated part of the type URL.</summary>
    public static Event Message(string typeUrl, Address sender) =>
        Event.Of("message", ("action", typeUrl), ("sender", sender.ToString()), ("module", ModuleOf(typeUrl)));

    public static string ModuleOf(string typeUrl)
    {
        var parts = typeUrl.Split('.');
        return parts.Length > 1 ? parts[1] : "";
    }

    /// <summary>Appends msg_index to every event of a message, as baseapp's runMsgs does.</summary>
    public static IEnumerable<Event> WithMessageIndex(IEnumerable<Event> events, int index) =>
        events.Select(e => e with { Attributes = [.. e.Attributes, new EventAttribute("msg_index", index.ToString(System.Globalization.CultureInfo.InvariantCulture))] });
}
