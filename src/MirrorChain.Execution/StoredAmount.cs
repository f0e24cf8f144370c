using System.Globalization;
using System.Text;
using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>Balance and supply values: the amount as ASCII decimal digits (no sign, no leading zeros).</summary>
internal static class StoredAmount
{
    public static byte[] Encode(UInt128 amount) => Encoding.ASCII.GetBytes(amount.ToString(CultureInfo.InvariantCulture));

    public static UInt128 Decode(byte[]? value)
    {
        if (value is null)
        {
            return UInt128.Zero;
        }
        return Coin.TryParseAmount(Encoding.ASCII.GetString(value), out var amount)
            ? amount
            : throw new InvalidDataException("corrupt stored amount");
    }
}
