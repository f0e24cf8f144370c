namespace MirrorChain.Core;

/// <summary>An ABCI event: a type and ordered string attributes (CometBFT 0.38 shape).</summary>
public sealed record Event(string Type, IReadOnlyList<EventAttribute> Attributes)
{
    /// <summary>An event with indexed attributes (a span: literal argument lists allocate no array of their own).</summary>
    public static Event Of(string type, params ReadOnlySpan<(string Key, string Value)> attributes)
    {
        var list = new EventAttribute[attributes.Length];
        for (var i = 0; i < attributes.Length; i++)
        {
            list[i] = new EventAttribute(attributes[i].Key, attributes[i].Value, true);
        }
        return new(type, list);
    }
}

/// <summary>One event attribute. <see cref="Index"/> marks it for tx_search.</summary>
public sealed record EventAttribute(string Key, string Value, bool Index = true);
