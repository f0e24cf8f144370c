using System.Buffers.Binary;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Mint;

/// <summary>The mint's configuration (addresses kept in their validated human form).</summary>
internal sealed record Config
{
    public required string Owner { get; init; }
    public required string Oracle { get; init; }
    public required string Collector { get; init; }
    public required string CollateralOracle { get; init; }
    public required string Staking { get; init; }
    public required string TerraswapFactory { get; init; }
    public required string Lock { get; init; }
    public required string BaseDenom { get; init; }
    public required ulong TokenCodeId { get; init; }
    public required Decimal ProtocolFeeRate { get; init; }
}

/// <summary>One mAsset's parameters; end_price marks a delisted asset, ipo_params a pre-IPO one.</summary>
internal sealed record AssetConfig
{
    public required string Token { get; init; }
    public required Decimal AuctionDiscount { get; init; }
    public required Decimal MinCollateralRatio { get; init; }
    public Decimal? EndPrice { get; init; }
    public IpoParams? IpoParams { get; init; }
}

/// <summary>A CDP: collateral locked and mAsset minted against it.</summary>
internal sealed record Position
{
    public required UInt128 Idx { get; init; }
    public required string Owner { get; init; }
    public required Asset Collateral { get; init; }
    public required Asset Asset { get; init; }
}

/// <summary>
/// Storage layout (state.rs): singletons <c>config</c> and <c>position_idx</c> (next idx, starts at 1); buckets
/// <c>asset_config</c> (token address bytes), <c>position</c> (16-byte big-endian idx), the indexes
/// <c>by_user</c> (owner bytes, length-prefixed ‖ idx) and <c>by_asset</c> (token bytes, length-prefixed ‖ idx),
/// and the flag bucket <c>short_position</c> (idx).
/// </summary>
internal static class MintState
{
    public static readonly Item<Config> Config = new("config") { TypeName = "mirror_mint::state::Config" };

    public static readonly Item<UInt128> PositionIdx = new("position_idx") { TypeName = "cosmwasm_std::math::uint128::Uint128" };

    public static readonly Map<AssetConfig> AssetConfigs = new("asset_config") { TypeName = "mirror_mint::state::AssetConfig" };

    public static readonly Map<Position> Positions = new("position") { TypeName = "mirror_mint::state::Position" };

    public static readonly Map<bool> ByUser = new("by_user") { TypeName = "bool" };

    public static readonly Map<bool> ByAsset = new("by_asset") { TypeName = "bool" };

    public static readonly Map<bool> ShortPositions = new("short_position") { TypeName = "bool" };

    public static byte[] IdxKey(UInt128 idx)
    {
        var b = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(b, idx);
        return b;
    }

    public static UInt128 IdxFromKey(ReadOnlySpan<byte> key) => BinaryPrimitives.ReadUInt128BigEndian(key[^16..]);

    /// <summary>A length-prefixed address, the first level of a multilevel index key.</summary>
    public static byte[] AddrPrefix(string address)
    {
        var bytes = Address.Parse(address).Bytes;
        return [(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];
    }

    public static AssetConfig LoadAssetConfig(IReadOnlyContractStorage storage, string token) =>
        AssetConfigs.May(storage, AddrPrefix(token)) ?? throw MintErrors.NoAssetData();

    public static AssetConfig? MayAssetConfig(IReadOnlyContractStorage storage, string token) =>
        AssetConfigs.May(storage, AddrPrefix(token));

    public static void SaveAssetConfig(IContractStorage storage, AssetConfig config) =>
        AssetConfigs.Save(storage, AddrPrefix(config.Token), config);

    /// <summary><c>read_fixed_price</c>: end_price if delisted, else pre_ipo_price if pre-IPO, else none.</summary>
    public static Decimal? FixedPrice(IReadOnlyContractStorage storage, AssetInfo info)
    {
        if (info.IsNative || MayAssetConfig(storage, info.ContractAddr!) is not { } config)
        {
            return null;
        }
        return config.EndPrice ?? config.IpoParams?.PreIpoPrice;
    }

    public static Position LoadPosition(IReadOnlyContractStorage storage, UInt128 idx) => Positions.Load(storage, IdxKey(idx));

    public static bool IsShort(IReadOnlyContractStorage storage, UInt128 idx) => ShortPositions.Has(storage, IdxKey(idx));

    public static void CreatePosition(IContractStorage storage, Position position)
    {
        var key = IdxKey(position.Idx);
        Positions.Save(storage, key, position);
        ByUser.Save(storage, [.. AddrPrefix(position.Owner), .. key], true);
        ByAsset.Save(storage, [.. AddrPrefix(position.Asset.Info.ContractAddr!), .. key], true);
    }

    public static void StorePosition(IContractStorage storage, Position position) =>
        Positions.Save(storage, IdxKey(position.Idx), position);

    public static void RemovePosition(IContractStorage storage, Position position)
    {
        var key = IdxKey(position.Idx);
        Positions.Remove(storage, key);
        ByUser.Remove(storage, [.. AddrPrefix(position.Owner), .. key]);
        ByAsset.Remove(storage, [.. AddrPrefix(position.Asset.Info.ContractAddr!), .. key]);
        ShortPositions.Remove(storage, key);
    }
}
