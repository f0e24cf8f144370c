namespace MirrorChain.Core;

/// <summary>Helpers for coin lists in SDK canonical form: sorted by denom, no duplicates, no zero amounts.</summary>
public static class Coins
{
    /// <summary>Parses "1uluna,2uusd" (empty string = no coins).</summary>
    public static IReadOnlyList<Coin> Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        return Normalize(text.Split(',', StringSplitOptions.TrimEntries).Select(Coin.Parse));
    }

    /// <summary>Sorts by denom and merges duplicates (checked addition); drops zero amounts.</summary>
    public static IReadOnlyList<Coin> Normalize(IEnumerable<Coin> coins)
    {
        var map = new SortedDictionary<string, UInt128>(StringComparer.Ordinal);
        foreach (var c in coins)
        {
            map[c.Denom] = checked(map.GetValueOrDefault(c.Denom) + c.Amount);
        }
        return map.Where(kv => kv.Value != UInt128.Zero).Select(kv => new Coin(kv.Key, kv.Value)).ToList();
    }

    /// <summary>
    /// Validates a coin list as the SDK's <c>Coins.Validate</c> does: valid denoms, positive amounts,
    /// strictly ascending denoms (so no duplicates). Returns null when valid, else the reason.
    /// </summary>
    public static string? Validate(IReadOnlyList<Coin> coins)
    {
        for (var i = 0; i < coins.Count; i++)
        {
            if (!Coin.IsValidDenom(coins[i].Denom))
            {
                return $"invalid denom: {coins[i].Denom}";
            }
            if (coins[i].Amount == UInt128.Zero)
            {
                return $"coin {coins[i]} amount is not positive";
            }
            if (i > 0 && string.CompareOrdinal(coins[i - 1].Denom, coins[i].Denom) >= 0)
            {
                return $"denomination {coins[i].Denom} is not sorted or is duplicated";
            }
        }
        return null;
    }

    public static string Format(IEnumerable<Coin> coins) => coins switch
    {
        IReadOnlyList<Coin> { Count: 0 } => "",
        IReadOnlyList<Coin> { Count: 1 } one => one[0].ToString(),
        _ => string.Join(',', coins.Select(c => c.ToString())),
    };
}
