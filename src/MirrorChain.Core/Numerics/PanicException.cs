namespace MirrorChain.Core.Numerics;

/// <summary>
/// Where the Rust original panics (overflow-checked arithmetic, <c>unwrap</c>/<c>expect</c>, a zero denominator in
/// <c>from_ratio</c>/<c>multiply_ratio</c>). A panic aborts the whole transaction; unlike <see cref="StdException"/> it
/// is not a contract error value. <see cref="Exception.Message"/> is the Rust panic message.
/// </summary>
public sealed class PanicException(string message) : Exception(message)
{
    internal static PanicException AddOverflow() => new("attempt to add with overflow");

    internal static PanicException SubOverflow() => new("attempt to subtract with overflow");

    internal static PanicException MulOverflow() => new("attempt to multiply with overflow");

    internal static PanicException DivideByZero() => new("attempt to divide by zero");

    internal static PanicException ZeroDenominator() => new("Denominator must not be zero");

    internal static PanicException RatioOverflow() => new("multiplication overflow");

    /// <summary>The panic of <c>.unwrap()</c> on an <c>Err</c>: Rust prints the error's Debug form; this carries its Display text.</summary>
    internal static PanicException Unwrap(StdException error) =>
        new("called `Result::unwrap()` on an `Err` value: " + error.Message);
}
