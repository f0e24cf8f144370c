namespace MirrorChain.Crypto;

/// <summary>A keyring operation failed: unknown or duplicate key, bad name or mnemonic, unreadable file.</summary>
public sealed class KeyringException : Exception
{
    public KeyringException(string message)
        : base(message)
    {
    }

    public KeyringException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
