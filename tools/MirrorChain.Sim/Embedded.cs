using System.Text.Json;

namespace MirrorChain.Sim;

/// <summary>Files of genesis/ compiled into the sim.</summary>
public static class Embedded
{
    public static string Read(string name)
    {
        using var stream = typeof(Embedded).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The devnet's named accounts (validator, test1 … test10) with their keys.</summary>
    public static IReadOnlyList<SimAccount> DevnetAccounts()
    {
        using var doc = JsonDocument.Parse(Read("devnet-accounts.json"));
        return doc.RootElement.GetProperty("accounts").EnumerateArray()
            .Select((a, i) => new SimAccount(-1 - i, a.GetProperty("name").GetString()!,
                MirrorChain.Crypto.PrivateKey.FromMnemonic(a.GetProperty("mnemonic").GetString()!)))
            .ToList();
    }
}
