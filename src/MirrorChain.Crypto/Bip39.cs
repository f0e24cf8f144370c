using System.Security.Cryptography;
using System.Text;

namespace MirrorChain.Crypto;

/// <summary>BIP-39 mnemonics (English wordlist only): generation, validation and seed derivation.</summary>
public static class Bip39
{
    public const int SeedLength = 64;
    private const int Pbkdf2Iterations = 2048;
    private static readonly int[] AllowedWordCounts = [12, 15, 18, 21, 24];
    private static readonly bool NormalizationWorks = "\u00e9".Normalize(NormalizationForm.FormD) == "e\u0301";

    /// <summary>The 2048 English words, in list order (index = 11-bit value).</summary>
    public static IReadOnlyList<string> Wordlist => Bip39Wordlist.Words;

    /// <summary>A new mnemonic of 12, 15, 18, 21 or 24 words from cryptographically random entropy.</summary>
    public static string Generate(int words = 24)
    {
        if (!AllowedWordCounts.Contains(words))
        {
            throw new ArgumentOutOfRangeException(nameof(words), words, "a mnemonic has 12, 15, 18, 21 or 24 words");
        }
        var entropy = new byte[words * 4 / 3];
        RandomNumberGenerator.Fill(entropy);
        try
        {
            return FromEntropy(entropy);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entropy);
        }
    }

    /// <summary>The mnemonic for 16, 20, 24, 28 or 32 bytes of entropy (checksum = first ENT/32 bits of SHA-256).</summary>
    public static string FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
        {
            throw new ArgumentException($"entropy must be 16, 20, 24, 28 or 32 bytes, got {entropy.Length}", nameof(entropy));
        }
        // entropy bits followed by checksum bits (at most 8, so the first hash byte suffices)
        var bits = new byte[entropy.Length + 1];
        entropy.CopyTo(bits);
        bits[^1] = SHA256.HashData(entropy)[0];
        var wordCount = entropy.Length * 8 * 33 / 32 / 11;
        var words = new string[wordCount];
        for (var w = 0; w < wordCount; w++)
        {
            var index = 0;
            for (var b = 0; b < 11; b++)
            {
                var bit = w * 11 + b;
                index = (index << 1) | ((bits[bit / 8] >> (7 - bit % 8)) & 1);
            }
            words[w] = Bip39Wordlist.Words[index];
        }
        CryptographicOperations.ZeroMemory(bits);
        return string.Join(' ', words);
    }

    /// <summary>Trims and collapses every run of whitespace to one ASCII space.</summary>
    public static string NormalizeWhitespace(string mnemonic)
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        return string.Join(' ', mnemonic.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Checks word count, that every word is in the English list (lowercase, exact), and the checksum.
    /// Whitespace is normalised first. On failure <paramref name="error"/> says why.
    /// </summary>
    public static bool IsValid(string? mnemonic, out string error) => TryGetEntropy(mnemonic, out _, out error);

    /// <summary>The entropy a valid mnemonic encodes.</summary>
    /// <exception cref="FormatException">The mnemonic is invalid; the message says why.</exception>
    public static byte[] ToEntropy(string mnemonic) =>
        TryGetEntropy(mnemonic, out var entropy, out var error) ? entropy : throw new FormatException(error);

    /// <summary>
    /// The 64-byte seed: PBKDF2-HMAC-SHA512, 2048 iterations, password = NFKD(mnemonic), salt = "mnemonic" + NFKD(passphrase).
    /// Does not validate the mnemonic (as BIP-39 specifies); whitespace is normalised first, which only changes
    /// inputs that other wallets reject anyway.
    /// </summary>
    /// <exception cref="NotSupportedException">
    /// Non-ASCII mnemonic or passphrase while the process runs in globalization-invariant mode (no NFKD available).
    /// </exception>
    public static byte[] ToSeed(string mnemonic, string passphrase = "")
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        ArgumentNullException.ThrowIfNull(passphrase);
        var password = Encoding.UTF8.GetBytes(NormalizeWhitespace(Nfkd(mnemonic, "mnemonic")));
        var salt = Encoding.UTF8.GetBytes("mnemonic" + Nfkd(passphrase, "passphrase"));
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, Pbkdf2Iterations, HashAlgorithmName.SHA512, SeedLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
            CryptographicOperations.ZeroMemory(salt);
        }
    }

    /// <summary>
    /// NFKD, refusing rather than guessing when it cannot be done: in globalization-invariant mode (which this
    /// repository builds with) <see cref="string.Normalize(NormalizationForm)"/> silently returns non-ASCII text
    /// unchanged, which would yield a wrong seed. ASCII text is NFKD already.
    /// </summary>
    private static string Nfkd(string text, string what)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }
        if (!NormalizationWorks)
        {
            throw new NotSupportedException(
                $"the {what} contains non-ASCII characters, but Unicode NFKD normalisation is unavailable in this process " +
                $"(globalization-invariant mode); use an ASCII {what}");
        }
        return text.Normalize(NormalizationForm.FormKD);
    }

    private static bool TryGetEntropy(string? mnemonic, out byte[] entropy, out string error)
    {
        entropy = [];
        if (string.IsNullOrWhiteSpace(mnemonic))
        {
            error = "mnemonic is empty";
            return false;
        }
        var words = NormalizeWhitespace(mnemonic).Split(' ');
        if (!AllowedWordCounts.Contains(words.Length))
        {
            error = $"mnemonic has {words.Length} words; expected 12, 15, 18, 21 or 24";
            return false;
        }
        var totalBits = words.Length * 11;
        var checksumBits = totalBits / 33;
        var entropyBytes = (totalBits - checksumBits) / 8;
        var bits = new byte[entropyBytes + 1];
        for (var w = 0; w < words.Length; w++)
        {
            if (!Bip39Wordlist.TryGetIndex(words[w], out var index))
            {
                error = $"word {w + 1} (\"{words[w]}\") is not in the BIP-39 English wordlist";
                return false;
            }
            for (var b = 0; b < 11; b++)
            {
                if (((index >> (10 - b)) & 1) != 0)
                {
                    var bit = w * 11 + b;
                    bits[bit / 8] |= (byte)(0x80 >> (bit % 8));
                }
            }
        }
        var candidate = bits.AsSpan(0, entropyBytes).ToArray();
        var expected = SHA256.HashData(candidate)[0] >> (8 - checksumBits);
        var actual = bits[entropyBytes] >> (8 - checksumBits);
        CryptographicOperations.ZeroMemory(bits);
        if (expected != actual)
        {
            CryptographicOperations.ZeroMemory(candidate);
            error = "invalid mnemonic checksum";
            return false;
        }
        entropy = candidate;
        error = "";
        return true;
    }
}
