namespace MirrorChain.Core.Numerics;

public readonly partial struct Decimal
{
    /// <summary>
    /// <c>Decimal::from_str</c>. Throws <see cref="StdException"/> (GenericErr) with cosmwasm's messages:
    /// "Error parsing whole", "Value too big", "Error parsing fractional",
    /// "Cannot parse more than 18 fractional digits", "Unexpected number of dots".
    /// </summary>
    public static Decimal Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var value);
        return error is null ? value : throw StdException.GenericErr(error);
    }

    public static bool TryParse(string? text, out Decimal value)
    {
        value = Zero;
        return text is not null && TryParseCore(text, out value) is null;
    }

    /// <summary>cosmwasm's Display: "0", "1", "0.5", "1.122222222222222222" (no trailing zeros).</summary>
    public override string ToString() => FixedPointText.Format(Atomics);

    /// <summary>Returns null on success, else the generic_err message.</summary>
    internal static string? TryParseCore(string text, out Decimal value)
    {
        var error = FixedPointText.TryParse(text, wide: false, out var atomics);
        value = error is null ? new((UInt128)atomics) : Zero;
        return error;
    }
}
