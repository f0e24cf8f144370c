using System.Text;
using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>
/// The app-state key layout (the keys the Merkle tree commits to; see docs/state-keys.md). The first byte names
/// the module: 0x01 auth, 0x02 bank, 0x03 wasm (contracts), 0x04 params.
/// </summary>
public static class StateKeys
{
    public const byte Auth = 0x01;
    public const byte Bank = 0x02;
    public const byte Wasm = 0x03;
    public const byte Params = 0x04;

    /// <summary>0x01 0x01 ‖ address bytes → protobuf Any of BaseAccount / ModuleAccount.</summary>
    public static byte[] Account(Address address) => [Auth, 0x01, .. address.Bytes];

    /// <summary>0x01 0x02 → the next account number, 8 bytes big-endian.</summary>
    public static byte[] NextAccountNumber() => [Auth, 0x02];

    /// <summary>0x02 0x01 ‖ len(address) ‖ address → prefix of all balances of an address.</summary>
    public static byte[] BalancesPrefix(Address address) => [Bank, 0x01, (byte)address.Bytes.Length, .. address.Bytes];

    /// <summary>0x02 0x01 ‖ len(address) ‖ address ‖ denom (UTF-8) → amount, ASCII decimal; absent = 0.</summary>
    public static byte[] Balance(Address address, string denom)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(denom);
        var bytes = address.Bytes;
        var key = new byte[3 + bytes.Length + Encoding.UTF8.GetByteCount(denom)];
        key[0] = Bank;
        key[1] = 0x01;
        key[2] = (byte)bytes.Length;
        bytes.CopyTo(key.AsSpan(3));
        Encoding.UTF8.GetBytes(denom, key.AsSpan(3 + bytes.Length));
        return key;
    }

    /// <summary>0x02 0x02 ‖ denom (UTF-8) → total supply, ASCII decimal; absent = 0.</summary>
    public static byte[] Supply(string denom) => [Bank, 0x02, .. Encoding.UTF8.GetBytes(denom)];

    /// <summary>0x04 0x01 → the chain params, canonical JSON (see <see cref="ChainParams"/>).</summary>
    public static byte[] ChainParams() => [Params, 0x01];
}
