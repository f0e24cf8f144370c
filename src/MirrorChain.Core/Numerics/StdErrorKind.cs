namespace MirrorChain.Core.Numerics;

/// <summary>The cosmwasm-std 0.16 <c>StdError</c> variants a port produces.</summary>
public enum StdErrorKind
{
    /// <summary>"Generic error: {msg}".</summary>
    GenericErr,

    /// <summary>"{kind} not found".</summary>
    NotFound,

    /// <summary>"Error parsing into type {target_type}: {msg}".</summary>
    ParseErr,

    /// <summary>"Error serializing type {source_type}: {msg}".</summary>
    SerializeErr,

    /// <summary>"Overflow: Cannot {op} with {a} and {b}".</summary>
    Overflow,

    /// <summary>"Divide by zero: Cannot devide {operand} by zero" (sic, cosmwasm's spelling).</summary>
    DivideByZero,
}
