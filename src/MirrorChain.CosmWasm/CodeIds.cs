namespace MirrorChain.CosmWasm;

/// <summary>
/// The chain's code table: the native stand-in for uploaded wasm codes. Ids are consensus data (they are in every
/// contract info and derive contract addresses), so an id is never reused or renumbered.
/// </summary>
public static class CodeIds
{
    public const ulong Cw20Base = 1;
    public const ulong TerraswapPair = 2;
    public const ulong TerraswapFactory = 3;

    public const ulong MirrorFactory = 10;
    public const ulong MirrorGov = 11;
    public const ulong MirrorOracle = 12;
    public const ulong MirrorCollateralOracle = 13;
    public const ulong MirrorMint = 14;
    public const ulong MirrorLock = 15;
    public const ulong MirrorStaking = 16;
    public const ulong MirrorShortReward = 17;
    public const ulong MirrorCollector = 18;
    public const ulong MirrorCommunity = 19;
    public const ulong MirrorAdminManager = 20;
}
