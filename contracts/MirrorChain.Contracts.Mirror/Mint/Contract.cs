using MirrorChain.Contracts.Mirror.Common;
using System.Text.Json;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core.Numerics;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Mint;

/// <summary>
/// mirror_mint v2.1.4: collateralised debt positions over mAssets, with liquidation auctions, short positions,
/// pre-IPO assets and delisting. Prices come from mirror_oracle and the collateral oracle, and the mint itself
/// rejects prices older than 60 seconds. This file: entry points, the cw20 hook and the owner operations;
/// positions live in <c>Positions.cs</c>, burn and auction in <c>Liquidation.cs</c>, queries in <c>Queries.cs</c>.
/// </summary>
public sealed partial class MintContract : IContract
{
    private const string HookMsgType = "mirror_protocol::mint::Cw20HookMsg";

    private const string ExecuteMsgType = "mirror_protocol::mint::ExecuteMsg";
    private static readonly Decimal MinCrAllowed = Decimal.FromRatio(11, 10);

    public string Name => "mirror_mint";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var m = ContractJson.Deserialize<InstantiateMsg>(msg, "mirror_protocol::mint::InstantiateMsg");
        AssertProtocolFeeRate(m.ProtocolFeeRate);
        MintState.Config.Save(deps.Storage, new Config
        {
            Owner = Addr(deps, m.Owner),
            Oracle = Addr(deps, m.Oracle),
            Collector = Addr(deps, m.Collector),
            CollateralOracle = Addr(deps, m.CollateralOracle),
            Staking = Addr(deps, m.Staking),
            TerraswapFactory = Addr(deps, m.TerraswapFactory),
            Lock = Addr(deps, m.Lock),
            BaseDenom = m.BaseDenom,
            TokenCodeId = m.TokenCodeId,
            ProtocolFeeRate = m.ProtocolFeeRate,
        });
        MintState.PositionIdx.Save(deps.Storage, UInt128.One);
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary>The <c>ExecuteMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(ExecuteMsgType,
        ("receive", (deps, env, info, body) => Receive(deps, env, info, Parse<Cw20ReceiveMsg>(body))),
        ("update_config", (deps, env, info, body) => UpdateConfig(deps, info.Sender.ToString(), Parse<UpdateConfigMsg>(body))),
        ("update_asset", (deps, env, info, body) => UpdateAsset(deps, info.Sender.ToString(), Parse<UpdateAssetMsg>(body))),
        ("register_asset", (deps, env, info, body) => RegisterAsset(deps, info.Sender.ToString(), Parse<RegisterAssetMsg>(body))),
        ("register_migration", (deps, env, info, body) => RegisterMigration(deps, info.Sender.ToString(), Parse<RegisterMigrationMsg>(body))),
        ("trigger_i_p_o", (deps, env, info, body) => TriggerIpo(deps, info.Sender.ToString(), Parse<AssetTokenMsg>(body).AssetToken)),
        ("open_position", (deps, env, info, body) =>
        {
            var m = Parse<OpenPositionMsg>(body);
            AssertNativeDeposit(info, m.Collateral);
            return OpenPosition(deps, env, info.Sender.ToString(), m.Collateral, m.AssetInfo, m.CollateralRatio, m.ShortParams);
        }),
        ("deposit", (deps, env, info, body) =>
        {
            var m = Parse<DepositMsg>(body);
            AssertNativeDeposit(info, m.Collateral);
            return Deposit(deps, info.Sender.ToString(), m.PositionIdx, m.Collateral);
        }),
        ("withdraw", (deps, env, info, body) =>
        {
            var m = Parse<WithdrawMsg>(body);
            return Withdraw(deps, env, info.Sender.ToString(), m.PositionIdx, m.Collateral);
        }),
        ("mint", (deps, env, info, body) =>
        {
            var m = Parse<MintMsg>(body);
            return Mint(deps, env, info.Sender.ToString(), m.PositionIdx, m.Asset, m.ShortParams);
        }));

    /// <summary>
    /// The cw20 hook: the sent tokens are collateral (open_position, deposit) or the mAsset to burn or to
    /// liquidate with (burn, auction). An undecodable payload is "invalid cw20 hook message".
    /// </summary>
    private static Response Receive(Deps deps, Env env, MessageInfo info, Cw20ReceiveMsg cw20)
    {
        var token = AssetInfo.Token(info.Sender.ToString());
        var sent = Asset.Of(token, cw20.Amount);
        var (name, body) = Cw20Hook.Decode(cw20.Msg, HookMsgType);
        var hookSender = Addr(deps, cw20.Sender);
        return HookRoutes.TryFind(name, out var handler) ? handler(deps, env, hookSender, sent, body) : throw MintErrors.InvalidHook();
    }

    /// <summary>Handles one <c>Cw20HookMsg</c> variant: <paramref name="sent"/> is the cw20 amount received from the token.</summary>
    internal delegate Response HookHandler(Deps deps, Env env, string hookSender, Asset sent, JsonElement body);

    /// <summary>The <c>Cw20HookMsg</c> variants, in the Rust enum's declaration order; any other payload is
    /// "invalid cw20 hook message".</summary>
    internal static readonly MessageRoutes<HookHandler> HookRoutes = new(HookMsgType,
        ("open_position", (deps, env, hookSender, sent, body) =>
        {
            var h = Cw20Hook.Parse<HookOpenPosition>(body, HookMsgType);
            return OpenPosition(deps, env, hookSender, sent, h.AssetInfo, h.CollateralRatio, h.ShortParams);
        }),
        ("deposit", (deps, env, hookSender, sent, body) =>
            Deposit(deps, hookSender, Cw20Hook.Parse<HookPositionIdx>(body, HookMsgType).PositionIdx, sent)),
        ("burn", (deps, env, hookSender, sent, body) =>
            Burn(deps, env, hookSender, Cw20Hook.Parse<HookPositionIdx>(body, HookMsgType).PositionIdx, sent)),
        ("auction", (deps, env, hookSender, sent, body) =>
            Auction(deps, env, hookSender, Cw20Hook.Parse<HookPositionIdx>(body, HookMsgType).PositionIdx, sent)));

    /// <summary>Owner only; each given field replaces the stored one; the fee rate must stay below 1.</summary>
    private static Response UpdateConfig(Deps deps, string sender, UpdateConfigMsg m)
    {
        var config = MintState.Config.Load(deps.Storage);
        if (sender != config.Owner)
        {
            throw MintErrors.Unauthorized();
        }
        if (m.ProtocolFeeRate is { } rate)
        {
            AssertProtocolFeeRate(rate);
        }
        config = config with
        {
            Owner = m.Owner is null ? config.Owner : Addr(deps, m.Owner),
            Oracle = m.Oracle is null ? config.Oracle : Addr(deps, m.Oracle),
            Collector = m.Collector is null ? config.Collector : Addr(deps, m.Collector),
            CollateralOracle = m.CollateralOracle is null ? config.CollateralOracle : Addr(deps, m.CollateralOracle),
            TerraswapFactory = m.TerraswapFactory is null ? config.TerraswapFactory : Addr(deps, m.TerraswapFactory),
            Lock = m.Lock is null ? config.Lock : Addr(deps, m.Lock),
            TokenCodeId = m.TokenCodeId ?? config.TokenCodeId,
            ProtocolFeeRate = m.ProtocolFeeRate ?? config.ProtocolFeeRate,
            Staking = m.Staking is null ? config.Staking : Addr(deps, m.Staking),
        };
        MintState.Config.Save(deps.Storage, config);
        return new Response().AddAttribute("action", "update_config");
    }

    /// <summary>Order: asset config, owner, then discount, mcr and ipo_params are each validated and set.</summary>
    private static Response UpdateAsset(Deps deps, string sender, UpdateAssetMsg m)
    {
        var config = MintState.Config.Load(deps.Storage);
        var token = Addr(deps, m.AssetToken);
        var asset = MintState.LoadAssetConfig(deps.Storage, token);
        if (sender != config.Owner)
        {
            throw MintErrors.Unauthorized();
        }
        if (m.AuctionDiscount is { } discount)
        {
            AssertAuctionDiscount(discount);
            asset = asset with { AuctionDiscount = discount };
        }
        if (m.MinCollateralRatio is { } mcr)
        {
            AssertMinCollateralRatio(mcr);
            asset = asset with { MinCollateralRatio = mcr };
        }
        if (m.IpoParams is { } ipo)
        {
            AssertMinCollateralRatio(ipo.MinCollateralRatioAfterIpo);
            asset = asset with { IpoParams = ipo };
        }
        MintState.SaveAssetConfig(deps.Storage, asset);
        return new Response().AddAttribute("action", "update_asset");
    }

    /// <summary>
    /// Parameters are validated before the owner check; a non-IPO asset is registered as collateral
    /// (mirror_oracle source, multiplier 1); a pre-IPO asset is not a collateral and sends nothing.
    /// </summary>
    private static Response RegisterAsset(Deps deps, string sender, RegisterAssetMsg m)
    {
        AssertAuctionDiscount(m.AuctionDiscount);
        AssertMinCollateralRatio(m.MinCollateralRatio);
        var config = MintState.Config.Load(deps.Storage);
        if (sender != config.Owner)
        {
            throw MintErrors.Unauthorized();
        }
        var token = Addr(deps, m.AssetToken);
        if (MintState.MayAssetConfig(deps.Storage, token) is not null)
        {
            throw MintErrors.AlreadyRegistered();
        }
        if (m.IpoParams is { } ipo)
        {
            AssertMinCollateralRatio(ipo.MinCollateralRatioAfterIpo);
        }
        MintState.SaveAssetConfig(deps.Storage, new AssetConfig
        {
            Token = token,
            AuctionDiscount = m.AuctionDiscount,
            MinCollateralRatio = m.MinCollateralRatio,
            EndPrice = null,
            IpoParams = m.IpoParams,
        });
        var response = new Response();
        if (m.IpoParams is null)
        {
            response.AddMessage(Outgoing.RegisterCollateralAsset(config.CollateralOracle, token));
        }
        return response.AddAttribute("action", "register").AddAttribute("asset_token", token);
    }

    /// <summary>Delisting (owner = factory): end_price set, mcr 1.0, ipo_params cleared, collateral revoked.</summary>
    private static Response RegisterMigration(Deps deps, string sender, RegisterMigrationMsg m)
    {
        var config = MintState.Config.Load(deps.Storage);
        if (sender != config.Owner)
        {
            throw MintErrors.Unauthorized();
        }
        var token = Addr(deps, m.AssetToken);
        var asset = MintState.LoadAssetConfig(deps.Storage, token);
        MintState.SaveAssetConfig(deps.Storage, asset with { EndPrice = m.EndPrice, MinCollateralRatio = Decimal.One, IpoParams = null });
        return new Response()
            .AddMessage(Outgoing.RevokeCollateralAsset(config.CollateralOracle, token))
            .AddAttribute("action", "migrate_asset")
            .AddAttribute("asset_token", token)
            .AddAttribute("end_price", m.EndPrice.ToString());
    }

    /// <summary>
    /// v2.1.4: only the asset's mirror_oracle feeder may trigger the IPO. Order: feeder lookup ("Failed to fetch
    /// the oracle feeder"), auth, asset config, ipo_params. The asset then uses oracle prices and becomes collateral.
    /// </summary>
    private static Response TriggerIpo(Deps deps, string sender, string assetToken)
    {
        var config = MintState.Config.Load(deps.Storage);
        var token = Addr(deps, assetToken);
        string feeder;
        try
        {
            feeder = Oracle.OracleQueries.Feeder(deps.Querier, Address.Parse(config.Oracle), token).Feeder;
        }
        catch (Exception e) when (e is ContractException or StdException)
        {
            throw MintErrors.FeederFetch();
        }
        if (feeder != sender)
        {
            throw MintErrors.Unauthorized();
        }
        var asset = MintState.LoadAssetConfig(deps.Storage, token);
        if (asset.IpoParams is not { } ipo)
        {
            throw MintErrors.NoIpoParams();
        }
        MintState.SaveAssetConfig(deps.Storage, asset with { MinCollateralRatio = ipo.MinCollateralRatioAfterIpo, IpoParams = null });
        return new Response()
            .AddMessage(Outgoing.RegisterCollateralAsset(config.CollateralOracle, token))
            .AddAttribute("action", "trigger_ipo")
            .AddAttribute("asset_token", token);
    }

    /// <summary>
    /// ExecuteMsg open_position / deposit accept native collateral only ("unauthorized" for a cw20), and the funds
    /// sent must equal the amount (terraswap's <c>assert_sent_native_token_balance</c>).
    /// </summary>
    private static void AssertNativeDeposit(MessageInfo info, Asset collateral)
    {
        if (!collateral.Info.IsNative)
        {
            throw MintErrors.Unauthorized();
        }
        collateral.AssertSentNativeTokenBalance(info);
    }

    private static void AssertProtocolFeeRate(Decimal rate)
    {
        if (rate >= Decimal.One)
        {
            throw MintErrors.ProtocolFeeRate();
        }
    }

    private static void AssertAuctionDiscount(Decimal discount)
    {
        if (discount > Decimal.One)
        {
            throw MintErrors.AuctionDiscount();
        }
    }

    private static void AssertMinCollateralRatio(Decimal mcr)
    {
        if (mcr < MinCrAllowed)
        {
            throw MintErrors.MinCollateralRatio();
        }
    }

    private static T Parse<T>(JsonElement body) => ContractJson.Deserialize<T>(body, ExecuteMsgType);

    private static string Addr(QueryDeps deps, string human) => deps.Api.AddrValidate(human).ToString();
}
