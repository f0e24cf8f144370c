namespace MirrorChain.State;

/// <summary>
/// One internal node on a proof path: its child bitmap (bit 1 &lt;&lt; n = child n present) and the hashes of its
/// present children other than the one on the path, in nibble order.
/// </summary>
public sealed record ProofLevel(ushort ChildMask, IReadOnlyList<byte[]> Siblings);
