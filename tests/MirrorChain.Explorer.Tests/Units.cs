using System.Globalization;

namespace MirrorChain.Explorer.Tests;

/// <summary>The pages' amount format, for the expected values: micro-units as units, thousands separated, trailing zeros dropped.</summary>
public static class Units
{
    public static string Format(UInt128 micro)
    {
        var whole = (micro / 1_000_000).ToString(CultureInfo.InvariantCulture);
        var grouped = new System.Text.StringBuilder();
        for (var i = 0; i < whole.Length; i++)
        {
            if (i > 0 && (whole.Length - i) % 3 == 0)
            {
                grouped.Append(',');
            }
            grouped.Append(whole[i]);
        }
        var fraction = (micro % 1_000_000).ToString(CultureInfo.InvariantCulture).PadLeft(6, '0').TrimEnd('0');
        return fraction.Length == 0 ? grouped.ToString() : $"{grouped}.{fraction}";
    }

    public static string Format(string micro) => Format(UInt128.Parse(micro, CultureInfo.InvariantCulture));
}
