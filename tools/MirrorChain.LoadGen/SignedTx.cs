namespace MirrorChain.LoadGen;

/// <summary>A pre-signed tx ready to broadcast: its sender slot, sequence, base64 bytes and upper-case hex hash.</summary>
internal sealed record SignedTx(int Sender, ulong Sequence, string Base64, string HashHex);
