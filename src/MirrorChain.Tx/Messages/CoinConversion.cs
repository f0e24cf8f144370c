using Google.Protobuf.Collections;
using MirrorChain.Core;
using ProtoCoin = MirrorChain.Tx.Proto.Cosmos.Base.V1Beta1.Coin;

namespace MirrorChain.Tx.Messages;

/// <summary>Converts between protobuf coins (string amounts) and <see cref="Coin"/>.</summary>
public static class CoinConversion
{
    /// <summary>
    /// Converts coins keeping their order (validation of order/positivity is the caller's, see
    /// <see cref="Coins.Validate"/>). An amount that is not an unsigned decimal integer is a parse error (code 2),
    /// as the SDK's Int unmarshalling makes it.
    /// </summary>
    public static IReadOnlyList<Coin> FromProto(RepeatedField<ProtoCoin> coins, string field)
    {
        var result = new List<Coin>(coins.Count);
        foreach (var c in coins)
        {
            if (!Coin.TryParseAmount(c.Amount, out var amount))
            {
                throw SdkError.TxDecode.Wrap($"invalid {field} amount \"{c.Amount}\" for denom \"{c.Denom}\"");
            }
            result.Add(new Coin(c.Denom, amount));
        }
        return result;
    }

    public static ProtoCoin ToProto(Coin coin) => new() { Denom = coin.Denom, Amount = coin.AmountString };

    public static void AddTo(RepeatedField<ProtoCoin> target, IEnumerable<Coin> coins)
    {
        foreach (var c in coins)
        {
            target.Add(ToProto(c));
        }
    }

    /// <summary>Throws code 10 (invalid coins) unless the list is sorted, unique, positive and well named.</summary>
    public static void RequireValid(IReadOnlyList<Coin> coins, bool allowEmpty)
    {
        if (coins.Count == 0 && !allowEmpty)
        {
            throw SdkError.InvalidCoins.Wrap("amount must not be empty");
        }
        if (Coins.Validate(coins) is { } reason)
        {
            throw SdkError.InvalidCoins.Wrap($"{Coins.Format(coins)}: {reason}");
        }
    }
}
