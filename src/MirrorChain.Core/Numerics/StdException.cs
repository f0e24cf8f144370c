using System.Globalization;

namespace MirrorChain.Core.Numerics;

/// <summary>
/// A cosmwasm-std 0.16 <c>StdError</c> returned as <c>Err</c> (not a panic). <see cref="Exception.Message"/> is the
/// error's Display text, exactly as cosmwasm formats it, e.g. "Overflow: Cannot Sub with 100 and 200" or
/// "Generic error: unauthorized". <see cref="Detail"/> is the inner text without the variant prefix
/// (for <see cref="StdErrorKind.GenericErr"/> this is the string given to <c>generic_err</c>).
/// </summary>
public sealed class StdException : Exception
{
    private StdException(StdErrorKind kind, string detail, string message)
        : base(message)
    {
        Kind = kind;
        Detail = detail;
    }

    public StdErrorKind Kind { get; }

    public string Detail { get; }

    /// <summary><c>StdError::generic_err(msg)</c>: "Generic error: {msg}".</summary>
    public static StdException GenericErr(string msg) => new(StdErrorKind.GenericErr, msg, "Generic error: " + msg);

    /// <summary><c>StdError::not_found(kind)</c>: "{kind} not found", kind being the Rust type path.</summary>
    public static StdException NotFound(string kind) => new(StdErrorKind.NotFound, kind, kind + " not found");

    /// <summary><c>StdError::parse_err(target, msg)</c>: "Error parsing into type {target}: {msg}".</summary>
    public static StdException ParseErr(string targetType, string msg) =>
        new(StdErrorKind.ParseErr, msg, $"Error parsing into type {targetType}: {msg}");

    /// <summary><c>StdError::serialize_err(source, msg)</c>: "Error serializing type {source}: {msg}".</summary>
    public static StdException SerializeErr(string sourceType, string msg) =>
        new(StdErrorKind.SerializeErr, msg, $"Error serializing type {sourceType}: {msg}");

    /// <summary>An <c>OverflowError</c> converted to StdError: "Overflow: Cannot {op} with {a} and {b}".</summary>
    public static StdException Overflow(OverflowOperation operation, string operand1, string operand2)
    {
        var detail = $"Cannot {operation} with {operand1} and {operand2}";
        return new(StdErrorKind.Overflow, detail, "Overflow: " + detail);
    }

    /// <inheritdoc cref="Overflow(OverflowOperation, string, string)"/>
    public static StdException Overflow(OverflowOperation operation, UInt128 operand1, UInt128 operand2) =>
        Overflow(operation, Format(operand1), Format(operand2));

    /// <summary>A <c>DivideByZeroError</c> converted to StdError: "Divide by zero: Cannot devide {operand} by zero".</summary>
    public static StdException DivideByZero(string operand)
    {
        var detail = $"Cannot devide {operand} by zero";
        return new(StdErrorKind.DivideByZero, detail, "Divide by zero: " + detail);
    }

    /// <inheritdoc cref="DivideByZero(string)"/>
    public static StdException DivideByZero(UInt128 operand) => DivideByZero(Format(operand));

    private static string Format(UInt128 value) => value.ToString(CultureInfo.InvariantCulture);
}
