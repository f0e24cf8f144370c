namespace MirrorChain.CosmWasm;

/// <summary>The body of a variant without fields, written as <c>{}</c> (e.g. Terraswap's <c>{"pool":{}}</c>).</summary>
public sealed record EmptyMsg
{
    public static EmptyMsg Instance { get; } = new();
}
