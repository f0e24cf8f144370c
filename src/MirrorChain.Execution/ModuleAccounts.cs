using System.Text;
using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>Module accounts: addresses are the first 20 bytes of SHA-256(name), as the SDK's NewModuleAddress.</summary>
public static class ModuleAccounts
{
    public const string FeeCollector = "fee_collector";

    /// <summary>Every module account the chain knows, in a fixed order (name → permissions).</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Permissions)> All { get; } =
        [(FeeCollector, [])];

    public static Address AddressOf(string name) => Address.FromBytes(Hashing.Sha256(Encoding.UTF8.GetBytes(name)).AsSpan(0, 20));

    public static Address FeeCollectorAddress { get; } = AddressOf(FeeCollector);

    /// <summary><see cref="All"/>'s addresses, same order (derived once: every bank send asks).</summary>
    private static readonly (string Name, Address Address)[] Addresses = [.. All.Select(m => (m.Name, AddressOf(m.Name)))];

    /// <summary>The module name owning <paramref name="address"/>, or null for a non-module address.</summary>
    public static string? NameOf(Address address)
    {
        foreach (var (name, moduleAddress) in Addresses)
        {
            if (moduleAddress == address)
            {
                return name;
            }
        }
        return null;
    }
}
