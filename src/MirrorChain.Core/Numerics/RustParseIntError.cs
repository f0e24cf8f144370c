namespace MirrorChain.Core.Numerics;

/// <summary>The kinds of Rust's <c>ParseIntError</c> an unsigned parse can report.</summary>
internal enum RustParseIntError
{
    None,
    Empty,
    InvalidDigit,
    PosOverflow,
}
