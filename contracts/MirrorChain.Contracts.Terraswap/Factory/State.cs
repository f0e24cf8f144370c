namespace MirrorChain.Contracts.Terraswap.Factory;

/// <summary>The factory's config: owner, and the code ids new pairs and their LP tokens are instantiated from.</summary>
public sealed record FactoryConfig
{
    public required string Owner { get; init; }

    public required ulong PairCodeId { get; init; }

    public required ulong TokenCodeId { get; init; }
}

/// <summary>The pair being created, between <c>create_pair</c> and the pair's instantiate reply.</summary>
public sealed record TmpPairInfo
{
    public required byte[] PairKey { get; init; }

    public required AssetInfo[] AssetInfos { get; init; }
}

/// <summary>
/// "config" (Item), "tmp_pair_info" (Item) and "pair_info" (Map keyed by <see cref="PairKey"/>): the registry of
/// created pairs, iterated in key-byte order by <c>pairs</c>.
/// </summary>
internal static class FactoryState
{
    public static readonly Item<FactoryConfig> Config = new("config") { TypeName = FactoryErrors.ConfigType };

    public static readonly Item<TmpPairInfo> TmpPairInfo = new("tmp_pair_info") { TypeName = FactoryErrors.TmpPairInfoType };

    public static readonly Map<PairInfo> Pairs = new("pair_info") { TypeName = FactoryErrors.PairInfoType };

    /// <summary>
    /// <c>pair_key</c>: the two raw asset infos (denom bytes / canonical address bytes) sorted ascending bytewise and
    /// concatenated, so both orders of the same pair find the same entry.
    /// </summary>
    public static byte[] PairKey(ContractApi api, AssetInfo[] assetInfos)
    {
        var a = assetInfos[0].RawBytes(api);
        var b = assetInfos[1].RawBytes(api);
        return a.AsSpan().SequenceCompareTo(b) <= 0 ? [.. a, .. b] : [.. b, .. a];
    }
}
