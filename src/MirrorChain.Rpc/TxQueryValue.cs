namespace MirrorChain.Rpc;

/// <summary>The literal of a condition, as written in the query (a string's text without its quotes).</summary>
public sealed record TxQueryValue(TxQueryValueKind Kind, string Text)
{
    public override string ToString() => Kind switch
    {
        TxQueryValueKind.String => "'" + Text + "'",
        TxQueryValueKind.Time => "TIME " + Text,
        TxQueryValueKind.Date => "DATE " + Text,
        _ => Text,
    };
}
