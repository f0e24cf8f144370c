using System.Text.Json;
using MirrorChain.Contracts.Mirror.Common;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;
using MirrorChain.Execution.Contracts;

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

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var (name, body) = ContractJson.Variant(msg, ExecuteMsgType);
        var sender = info.Sender.ToString();
        switch (name)
        {
            case "receive":
                return Receive(deps, env, info, Parse<Cw20ReceiveMsg>(body));
            case "update_config":
                return UpdateConfig(deps, sender, Parse<UpdateConfigMsg>(body));
            case "update_asset":
                return UpdateAsset(deps, sender, Parse<UpdateAssetMsg>(body));
            case "register_asset":
                return RegisterAsset(deps, sender, Parse<RegisterAssetMsg>(body));
            case "register_migration":
                return RegisterMigration(deps, sender, Parse<RegisterMigrationMsg>(body));
            case "trigger_i_p_o":
                return TriggerIpo(deps, sender, Parse<AssetTokenMsg>(body).AssetToken);
            case "open_position":
            {
                var m = Parse<OpenPositionMsg>(body);
                AssertNativeDeposit(info, m.Collateral);
                return OpenPosition(deps, env, sender, m.Collateral, m.AssetInfo, m.CollateralRatio, m.ShortParams);
            }
            case "deposit":
            {
                var m = Parse<DepositMsg>(body);
                AssertNativeDeposit(info, m.Collateral);
                return Deposit(deps, sender, m.PositionIdx, m.Collateral);
            }
            case "withdraw":
            {
                var m = Parse<WithdrawMsg>(body);
                return Withdraw(deps, env, sender, m.PositionIdx, m.Collateral);
            }
            case "mint":
            {
                var m = Parse<MintMsg>(body);
                return Mint(deps, env, sender, m.PositionIdx, m.Asset, m.ShortParams);
            }
            default:
                throw ContractJson.UnknownVariant(ExecuteMsgType, name, "receive", "update_config", "update_asset", "register_asset",
                    "register_migration", "trigger_i_p_o", "open_position", "deposit", "withdraw", "mint");
        }
    }

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
        switch (name)
        {
            case "open_position":
            {
                var h = Cw20Hook.Parse<HookOpenPosition>(body, HookMsgType);
                return OpenPosition(deps, env, hookSender, sent, h.AssetInfo, h.CollateralRatio, h.ShortParams);
            }
            case "deposit":
                return Deposit(deps, hookSender, Cw20Hook.Parse<HookPositionIdx>(body, HookMsgType).PositionIdx, sent);
            case "burn":
                return Burn(deps, env, hookSender, Cw20Hook.Parse<HookPositionIdx>(body, HookMsgType).PositionIdx, sent);
            case "auction":
                return Auction(deps, env, hookSender, Cw20Hook.Parse<HookPositionIdx>(body, HookMsgType).PositionIdx, sent);
            default:
                throw Errors.InvalidHook();
        }
    }

    /// <summary>Owner only; each given field replaces the stored one; the fee rate must stay below 1.</summary>
    private static Response UpdateConfig(Deps deps, string sender, UpdateConfigMsg m)
    {
        var config = MintState.Config.Load(deps.Storage);
        if (sender != config.Owner)
        {
            throw Errors.Unauthorized();
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
            throw Errors.Unauthorized();
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
            throw Errors.Unauthorized();
        }
        var token = Addr(deps, m.AssetToken);
        if (MintState.MayAssetConfig(deps.Storage, token) is not null)
        {
            throw Errors.AlreadyRegistered();
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
            throw Errors.Unauthorized();
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
            feeder = deps.Querier.QueryWasmSmart<OracleFeederResponse>(
                Address.Parse(config.Oracle), new { feeder = new { asset_token = token } }, ContractJson.Options).Feeder;
        }
        catch (Exception e) when (e is ContractException or StdException)
        {
            throw Errors.FeederFetch();
        }
        if (feeder != sender)
        {
            throw Errors.Unauthorized();
        }
        var asset = MintState.LoadAssetConfig(deps.Storage, token);
        if (asset.IpoParams is not { } ipo)
        {
            throw Errors.NoIpoParams();
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
            throw Errors.Unauthorized();
        }
        collateral.AssertSentNativeTokenBalance(info);
    }

    private static void AssertProtocolFeeRate(Decimal rate)
    {
        if (rate >= Decimal.One)
        {
            throw Errors.ProtocolFeeRate();
        }
    }

    private static void AssertAuctionDiscount(Decimal discount)
    {
        if (discount > Decimal.One)
        {
            throw Errors.AuctionDiscount();
        }
    }

    private static void AssertMinCollateralRatio(Decimal mcr)
    {
        if (mcr < MinCrAllowed)
        {
            throw Errors.MinCollateralRatio();
        }
    }

    private static T Parse<T>(JsonElement body) => ContractJson.Deserialize<T>(body, ExecuteMsgType);

    private static string Addr(QueryDeps deps, string human) => deps.Api.AddrValidate(human).ToString();
}
