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

    /// <summary>
    /// <see cref="Message(string, Address)"/> of message <paramref name="msgIndex"/> of a tx, with its msg_index attribute last: the
    /// event <see cref="AddWithMessageIndex"/> makes of it, built once.
    /// </summary>
    public static Event Message(string typeUrl, Address sender, int msgIndex) =>
        new("message",
        [
            new EventAttribute("action", typeUrl),
            new EventAttribute("sender", sender.ToString()),
            new EventAttribute("module", ModuleOf(typeUrl)),
            new EventAttribute("msg_index", IndexText(msgIndex)),
        ]);

    public static string ModuleOf(string typeUrl)
    {
        ArgumentNullException.ThrowIfNull(typeUrl);
        switch (typeUrl)
        {
            case Tx.TypeUrls.MsgSend:
                return "bank";
            case Tx.TypeUrls.MsgExecuteContract:
            case Tx.TypeUrls.LegacyMsgExecuteContract:
                return "wasm";
            default:
                break;
        }
        var first = typeUrl.IndexOf('.', StringComparison.Ordinal);
        if (first < 0)
        {
            return "";
        }
        var second = typeUrl.IndexOf('.', first + 1);
        return second < 0 ? typeUrl[(first + 1)..] : typeUrl[(first + 1)..second];
    }

    /// <summary>Appends msg_index to every event of a message, as baseapp's runMsgs does.</summary>
    public static IEnumerable<Event> WithMessageIndex(IEnumerable<Event> events, int index)
    {
        var indexed = new List<Event>();
        AddWithMessageIndex(indexed, events, index);
        return indexed;
    }

    /// <summary><see cref="WithMessageIndex"/> appended straight to <paramref name="target"/> (one shared msg_index attribute).</summary>
    public static void AddWithMessageIndex(List<Event> target, IEnumerable<Event> events, int index)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(events);
        var msgIndex = new EventAttribute("msg_index", IndexText(index));
        foreach (var e in events)
        {
            var attributes = new EventAttribute[e.Attributes.Count + 1];
            for (var i = 0; i < e.Attributes.Count; i++)
            {
                attributes[i] = e.Attributes[i];
            }
            attributes[^1] = msgIndex;
            target.Add(e with { Attributes = attributes });
        }
    }

    private static string IndexText(int index) =>
        index == 0 ? "0" : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
