namespace MirrorChain.Rpc;

/// <summary>What kind of literal a condition compares against: <c>'text'</c>, <c>12.5</c>, <c>TIME …</c>, <c>DATE …</c>.</summary>
public enum TxQueryValueKind
{
    String,
    Number,
    Time,
    Date,
}
