using MirrorChain.Crypto;

namespace MirrorChain.CrashTest;

/// <summary>
/// The funded devnet accounts (genesis/devnet-accounts.json), read from the test keyring that
/// <c>mirrorchain init</c> fills in the node's home.
/// </summary>
internal static class DevnetKeys
{
    public static readonly IReadOnlyList<string> Names =
        ["validator", "test1", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10"];

    /// <summary>The first <paramref name="count"/> accounts of <see cref="Names"/>.</summary>
    /// <exception cref="KeyringException">A key is missing from the home's keyring.</exception>
    public static IReadOnlyList<(string Name, PrivateKey Key)> Load(string home, int count)
    {
        var keyring = new Keyring(home);
        var keys = new (string, PrivateKey)[count];
        Parallel.For(0, count, i => keys[i] = (Names[i], keyring.Get(Names[i]).ToPrivateKey()));
        return keys;
    }
}
