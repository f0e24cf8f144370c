using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using MirrorChain.Tx;
using MirrorChain.Tx.Proto.Cosmos.Auth.V1Beta1;
using PubKeyProto = MirrorChain.Tx.Proto.Cosmos.Crypto.Secp256k1.PubKey;

namespace MirrorChain.Execution;

/// <summary>
/// An auth account: a user BaseAccount, or a ModuleAccount when <see cref="ModuleName"/> is set. Stored, and
/// answered to queries, as the protobuf Any clients decode (<see cref="ToAny"/>).
/// </summary>
public sealed record Account(Address Address, ulong AccountNumber, ulong Sequence, byte[]? PubKey)
{
    /// <summary>Module name (e.g. "fee_collector") for module accounts; null for users and contracts.</summary>
    public string? ModuleName { get; init; }

    public IReadOnlyList<string> Permissions { get; init; } = [];

    public bool IsModuleAccount => ModuleName is not null;

    public Any ToAny()
    {
        var baseAccount = new BaseAccount { Address = Address.ToString(), AccountNumber = AccountNumber, Sequence = Sequence };
        if (PubKey is not null)
        {
            baseAccount.PubKey = TxBuilder.PubKeyAny(PubKey);
        }
        if (ModuleName is null)
        {
            return new Any { TypeUrl = TypeUrls.BaseAccount, Value = baseAccount.ToByteString() };
        }
        var module = new ModuleAccount { BaseAccount = baseAccount, Name = ModuleName };
        module.Permissions.AddRange(Permissions);
        return new Any { TypeUrl = TypeUrls.ModuleAccount, Value = module.ToByteString() };
    }

    public byte[] Encode() => ToAny().ToByteArray();

    public static Account Decode(byte[] value) => Decode(value, null);

    /// <summary>
    /// <see cref="Decode(byte[])"/> of the account stored under <paramref name="expected"/>'s key: when the stored
    /// address text is exactly <paramref name="expected"/>'s, that instance is reused instead of parsing the bech32
    /// again (any other text is parsed as usual).
    /// </summary>
    public static Account Decode(byte[] value, Address? expected)
    {
        var any = Any.Parser.ParseFrom(value);
        return any.TypeUrl switch
        {
            TypeUrls.BaseAccount => FromBase(BaseAccount.Parser.ParseFrom(any.Value), expected),
            TypeUrls.ModuleAccount => FromModule(ModuleAccount.Parser.ParseFrom(any.Value), expected),
            _ => throw new InvalidDataException($"unknown stored account type {any.TypeUrl}"),
        };
    }

    private static Account FromBase(BaseAccount b, Address? expected) =>
        new(expected is not null && string.Equals(b.Address, expected.ToString(), StringComparison.Ordinal) ? expected : Address.Parse(b.Address),
            b.AccountNumber, b.Sequence,
            b.PubKey is null ? null : PubKeyProto.Parser.ParseFrom(b.PubKey.Value).Key.ToByteArray());

    private static Account FromModule(ModuleAccount m, Address? expected) =>
        FromBase(m.BaseAccount, expected) with { ModuleName = m.Name, Permissions = [.. m.Permissions] };
}
