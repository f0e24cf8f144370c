namespace MirrorChain.Crypto;

/// <summary>The official BIP-39 English wordlist (2048 words, sorted), loaded once from an embedded resource.</summary>
internal static class Bip39Wordlist
{
    public const int Size = 2048;
    private const string ResourceName = "MirrorChain.Crypto.Resources.bip39-english.txt";

    public static readonly string[] Words = Load();

    private static readonly Dictionary<string, int> Indexes =
        Words.Select((word, index) => (word, index)).ToDictionary(p => p.word, p => p.index, StringComparer.Ordinal);

    public static bool TryGetIndex(string word, out int index) => Indexes.TryGetValue(word, out index);

    private static string[] Load()
    {
        using var stream = typeof(Bip39Wordlist).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var words = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length != Size)
        {
            throw new InvalidOperationException($"BIP-39 wordlist has {words.Length} words, expected {Size}");
        }
        return words;
    }
}
