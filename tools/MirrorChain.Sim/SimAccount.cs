using System.Buffers.Binary;
using MirrorChain.Core;
using MirrorChain.Crypto;

namespace MirrorChain.Sim;

/// <summary>A signing account of the sim: its key, account number and the next sequence it signs with.</summary>
public sealed class SimAccount(int index, string name, PrivateKey key)
{
    public int Index { get; } = index;

    public string Name { get; } = name;

    public PrivateKey Key { get; } = key;

    public Address Address { get; } = key.Address;

    public ulong AccountNumber { get; set; }

    public ulong Sequence { get; set; }

    /// <summary>The i-th generated account of a seed: secret = SHA-256("mirrorchain-sim" ‖ seed ‖ i).</summary>
    public static SimAccount Generated(ulong seed, int i)
    {
        var buf = new byte[15 + 8 + 4];
        "mirrorchain-sim"u8.CopyTo(buf);
        BinaryPrimitives.WriteUInt64BigEndian(buf.AsSpan(15), seed);
        BinaryPrimitives.WriteInt32BigEndian(buf.AsSpan(23), i);
        return new SimAccount(i, $"sim{i}", PrivateKey.FromBytes(Hashing.Sha256(buf)));
    }

    public override string ToString() => $"{Name}({Address})";
}
