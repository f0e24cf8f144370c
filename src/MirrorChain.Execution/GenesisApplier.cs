using MirrorChain.Core;
using MirrorChain.State;

namespace MirrorChain.Execution;

/// <summary>
/// Writes the genesis app state: params; the auth accounts in file order (numbers 0, 1, …); the balances in file
/// order (accounts for addresses not listed in auth are created as they appear); the fee_collector module account
/// last if it does not exist yet; total supply = sum of balances. Any defect is an
/// <see cref="InvalidDataException"/> naming the JSON path.
/// </summary>
public static class GenesisApplier
{
    public static void Apply(GenesisAppState genesis, IStateWriter state)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        ArgumentNullException.ThrowIfNull(state);

        ToChainParams(genesis.Params).Store(state);

        var accounts = new HashSet<Address>();
        for (var i = 0; i < genesis.Auth.Accounts.Count; i++)
        {
            var address = ParseAddress(genesis.Auth.Accounts[i].Address, $"auth.accounts[{i}].address");
            if (!accounts.Add(address))
            {
                throw Invalid($"auth.accounts[{i}].address", $"duplicate account {address}");
            }
            Accounts.Create(state, address);
        }

        var funded = new HashSet<Address>();
        var supply = new SortedDictionary<string, UInt128>(StringComparer.Ordinal);
        for (var i = 0; i < genesis.Bank.Balances.Count; i++)
        {
            var balance = genesis.Bank.Balances[i];
            var address = ParseAddress(balance.Address, $"bank.balances[{i}].address");
            if (!funded.Add(address))
            {
                throw Invalid($"bank.balances[{i}].address", $"duplicate balance entry for {address}");
            }
            var coins = ParseCoins(balance.Coins, $"bank.balances[{i}].coins");
            foreach (var c in coins)
            {
                supply[c.Denom] = checked(supply.GetValueOrDefault(c.Denom) + c.Amount);
            }
            Bank.Mint(state, address, coins);
        }

        if (!Accounts.Exists(state, ModuleAccounts.FeeCollectorAddress))
        {
            Accounts.Create(state, ModuleAccounts.FeeCollectorAddress);
        }

        if (genesis.Bank.Supply.Count > 0)
        {
            var declared = ParseCoins(genesis.Bank.Supply, "bank.supply");
            var computed = supply.Select(kv => new Coin(kv.Key, kv.Value)).ToList();
            if (!declared.SequenceEqual(computed))
            {
                throw Invalid("bank.supply", $"declared supply {Coins.Format(declared)} differs from the sum of balances {Coins.Format(computed)}");
            }
        }
    }

    public static ChainParams ToChainParams(GenesisParams p)
    {
        IReadOnlyList<GasPrice> prices;
        try
        {
            prices = GasPrice.ParseList(p.MinGasPrices);
        }
        catch (FormatException e)
        {
            throw Invalid("params.min_gas_prices", e.Message);
        }
        if (p.MaxTxBytes is <= 0 or > int.MaxValue)
        {
            throw Invalid("params.max_tx_bytes", $"must be between 1 and {int.MaxValue}, got {p.MaxTxBytes}");
        }
        if (p.MaxMemoCharacters is < 0 or > int.MaxValue)
        {
            throw Invalid("params.max_memo_characters", $"must be between 0 and {int.MaxValue}, got {p.MaxMemoCharacters}");
        }
        var result = new ChainParams
        {
            MinGasPrices = prices,
            MaxTxBytes = (int)p.MaxTxBytes,
            MaxMemoCharacters = (int)p.MaxMemoCharacters,
            MaxBlockGas = p.MaxBlockGas,
        };
        result.Validate();
        return result;
    }

    private static Address ParseAddress(string text, string path) =>
        Address.TryParse(text, out var address, out var error) ? address! : throw Invalid(path, $"invalid address \"{text}\": {error}");

    /// <summary>Coins in any order; sorted by denom here; invalid denoms, amounts, zeros and duplicates are errors.</summary>
    private static IReadOnlyList<Coin> ParseCoins(IReadOnlyList<GenesisCoin> coins, string path)
    {
        var list = new List<Coin>();
        for (var i = 0; i < coins.Count; i++)
        {
            var c = coins[i];
            if (!Coin.IsValidDenom(c.Denom))
            {
                throw Invalid($"{path}[{i}].denom", $"invalid denom \"{c.Denom}\"");
            }
            if (!Coin.TryParseAmount(c.Amount, out var amount))
            {
                throw Invalid($"{path}[{i}].amount", $"amount must be a decimal integer string, got \"{c.Amount}\"");
            }
            list.Add(new Coin(c.Denom, amount));
        }
        var sorted = list.OrderBy(c => c.Denom, StringComparer.Ordinal).ToList();
        if (Coins.Validate(sorted) is { } reason)
        {
            throw Invalid(path, reason);
        }
        return sorted;
    }

    private static InvalidDataException Invalid(string path, string message) => new($"genesis app_state {path}: {message}");
}
