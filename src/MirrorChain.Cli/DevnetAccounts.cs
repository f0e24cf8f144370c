using System.Text.Json;

namespace MirrorChain.Cli;

/// <summary>The public LocalTerra test accounts shipped in genesis/devnet-accounts.json.</summary>
public static class DevnetAccounts
{
    public static IReadOnlyList<DevnetAccount> Load()
    {
        using var doc = JsonDocument.Parse(EmbeddedFiles.Read("devnet-accounts.json"));
        return doc.RootElement.GetProperty("accounts").EnumerateArray()
            .Select(a => new DevnetAccount(a.GetProperty("name").GetString()!, a.GetProperty("address").GetString()!, a.GetProperty("mnemonic").GetString()!))
            .ToList();
    }
}
