namespace MirrorChain.Core.Numerics;

/// <summary>
/// cosmwasm-std's <c>OverflowOperation</c>. The name is displayed as written here ("Add", "Sub", ...) inside
/// "Overflow: Cannot {op} with {a} and {b}".
/// </summary>
public enum OverflowOperation
{
    Add,
    Sub,
    Mul,
    Pow,
    Shr,
    Shl,
}
