using System.Text.Json;
using MirrorChain.Crypto;

namespace MirrorChain.LoadGen;

/// <summary>The public devnet test accounts (genesis/devnet-accounts.json): name → mnemonic.</summary>
internal static class DevnetAccounts
{
    public const int MaxTestAccounts = 10;
    private const string RelativePath = "genesis/devnet-accounts.json";

    /// <summary>The keys of test1..test<paramref name="count"/>, in that order.</summary>
    /// <exception cref="FileNotFoundException">No accounts file.</exception>
    /// <exception cref="InvalidDataException">A test account is missing from the file.</exception>
    public static IReadOnlyList<(string Name, PrivateKey Key)> LoadTestKeys(string? path, int count)
    {
        var file = path ?? Locate() ?? throw new FileNotFoundException(
            $"{RelativePath} not found upwards from {Environment.CurrentDirectory} or {AppContext.BaseDirectory}; pass --accounts PATH");
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var mnemonics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var account in doc.RootElement.GetProperty("accounts").EnumerateArray())
        {
            var name = account.GetProperty("name").GetString();
            var mnemonic = account.GetProperty("mnemonic").GetString();
            if (name is not null && mnemonic is not null)
            {
                mnemonics[name] = mnemonic;
            }
        }
        var keys = new (string, PrivateKey)[count];
        Parallel.For(0, count, i =>
        {
            var name = $"test{i + 1}";
            if (!mnemonics.TryGetValue(name, out var mnemonic))
            {
                throw new InvalidDataException($"{file} has no account named {name}");
            }
            keys[i] = (name, PrivateKey.FromMnemonic(mnemonic));
        });
        return keys;
    }

    private static string? Locate()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
