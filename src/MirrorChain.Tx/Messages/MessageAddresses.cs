using MirrorChain.Core;

namespace MirrorChain.Tx.Messages;

internal static class MessageAddresses
{
    /// <summary>Parses a bech32 "terra1…" address or throws code 7 ("invalid {role} address: …").</summary>
    public static Address Parse(string text, string role) =>
        Address.TryParse(text, out var address, out var error)
            ? address!
            : throw SdkError.InvalidAddress.Wrap($"invalid {role} address: {error}");
}
