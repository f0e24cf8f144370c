using System.Buffers.Binary;
using MirrorChain.Core;
using MirrorChain.State;

namespace MirrorChain.Execution;

/// <summary>
/// The auth module: accounts with their number, sequence and public key. Numbers come from a global counter
/// starting at 0, assigned when an account first appears (genesis, or first receipt of funds), never reused.
/// All methods read and write through the state they are given (a gas-metered view during txs).
/// </summary>
public static partial class Accounts
{
    public static Account? Get(IStateReader state, Address address) =>
        state.Get(StateKeys.Account(address)) is { } value ? Account.Decode(value, address) : null;

    /// <summary>Existence check (charged as Has on a metered view).</summary>
    public static bool Exists(IStateReader state, Address address) => state.Has(StateKeys.Account(address));

    public static void Set(IStateWriter state, Account account) => state.SetOwned(StateKeys.Account(account.Address), account.Encode());

    /// <summary>Takes the next account number and advances the counter.</summary>
    public static ulong TakeNextAccountNumber(IStateWriter state)
    {
        var key = StateKeys.NextAccountNumber();
        var current = state.Get(key) is { Length: 8 } bytes ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : 0UL;
        var next = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(next, checked(current + 1));
        state.SetOwned(key, next);
        return current;
    }

    /// <summary>Creates and stores a new account (a module account when the address is a module's).</summary>
    public static Account Create(IStateWriter state, Address address)
    {
        var number = TakeNextAccountNumber(state);
        var account = new Account(address, number, 0, null);
        if (ModuleAccounts.NameOf(address) is { } module)
        {
            account = account with
            {
                ModuleName = module,
                Permissions = ModuleAccounts.All.First(m => m.Name == module).Permissions,
            };
        }
        Set(state, account);
        return account;
    }

    public static Account GetOrCreate(IStateWriter state, Address address) => Get(state, address) ?? Create(state, address);

    /// <summary>Creates the account if it does not exist yet (charged as Has + writes), as bank's SendCoins does.</summary>
    public static void EnsureExists(IStateWriter state, Address address)
    {
        if (!Exists(state, address))
        {
            Create(state, address);
        }
    }
}
