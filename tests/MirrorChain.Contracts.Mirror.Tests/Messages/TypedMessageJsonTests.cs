using System.Text.Json.Serialization;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Mirror.Gov;
using MirrorChain.Contracts.Mirror.Lock;
using MirrorChain.Contracts.Mirror.Oracle;
using MirrorChain.Contracts.Mirror.Staking;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Contracts.Terraswap.Pair;
using CollateralOracleQueryMsg = MirrorChain.Contracts.Mirror.CollateralOracle.QueryMsg;
using CollectorExecuteMsg = MirrorChain.Contracts.Mirror.Collector.ExecuteMsg;
using FactorySurface = MirrorChain.Contracts.Mirror.Factory;
using MintSurface = MirrorChain.Contracts.Mirror.Mint;
using OracleQueryMsg = MirrorChain.Contracts.Mirror.Oracle.QueryMsg;
using PairQueryMsg = MirrorChain.Contracts.Terraswap.Pair.QueryMsg;
using ShortRewardQueryMsg = MirrorChain.Contracts.Mirror.ShortReward.QueryMsg;
using TerraswapFactory = MirrorChain.Contracts.Terraswap.Factory;

namespace MirrorChain.Contracts.Mirror.Tests.Messages;

/// <summary>
/// The typed messages contracts send each other write the very bytes the anonymous objects they replaced wrote (the
/// "old" side of each test is that anonymous object, or the literal JSON of a removed send-side record).
/// </summary>
public sealed class TypedMessageJsonTests
{
    private static readonly Address Token = TestAddress.Of("token");
    private static readonly Address Target = TestAddress.Of("target");
    private static readonly Address Staker = TestAddress.Of("staker");

    private static string Json(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static string Old(object anonymous) => ContractJson.SerializeToString(anonymous);

    private static void Sent(object old, WasmExecute sent, Address to)
    {
        Assert.Equal(to, sent.ContractAddress);
        Assert.Equal(Old(old), Json(sent.Msg));
    }

    [Fact]
    public void Lock_messages_from_the_mint_keep_their_json()
    {
        Sent(new { lock_position_funds_hook = new { position_idx = (UInt128)7, receiver = Staker.ToString() } },
            LockMessages.LockPositionFundsHook(Target, 7, Staker.ToString()), Target);
        Sent(new { release_position_funds = new { position_idx = (UInt128)7 } }, LockMessages.ReleasePositionFunds(Target, 7), Target);
        Assert.Equal("{\"release_position_funds\":{\"position_idx\":\"7\"}}", Json(LockMessages.ReleasePositionFunds(Target, 7).Msg));
    }

    [Fact]
    public void Staking_messages_keep_their_json()
    {
        var asset = Token.ToString();
        Sent(new { increase_short_token = new { asset_token = asset, staker_addr = Staker.ToString(), amount = (UInt128)5 } },
            StakingMessages.IncreaseShortToken(Target, asset, Staker.ToString(), 5), Target);
        Sent(new { decrease_short_token = new { asset_token = asset, staker_addr = Staker.ToString(), amount = (UInt128)5 } },
            StakingMessages.DecreaseShortToken(Target, asset, Staker.ToString(), 5), Target);
        Sent(new { register_asset = new { asset_token = asset, staking_token = "lp" } }, StakingMessages.RegisterAsset(Target, asset, "lp"), Target);
        Sent(new { auto_stake_hook = new { asset_token = asset, staking_token = "lp", staker_addr = Staker.ToString(), prev_staking_token_amount = (UInt128)9 } },
            StakingMessages.AutoStakeHook(Target, asset, "lp", Staker.ToString(), 9), Target);
    }

    [Fact]
    public void Deposit_reward_hook_keeps_the_factory_tuple_json()
    {
        IReadOnlyList<FactorySurface.RewardEntry> rewards = [new(Token.ToString(), 1440), new(Target.ToString(), 0)];
        Assert.Equal(
            Old(new { deposit_reward = new { rewards } }),
            Json(StakingMessages.DepositRewardHook(rewards.Select(r => (r.AssetToken, r.Amount)))));
    }

    [Fact]
    public void Collateral_oracle_messages_from_the_mint_keep_their_json()
    {
        Sent(new
        {
            register_collateral_asset = new { asset = AssetInfo.Token(Token), price_source = new { mirror_oracle = new { } }, multiplier = Decimal.One },
        },
            MintSurface.Outgoing.RegisterCollateralAsset(Target.ToString(), Token.ToString()), Target);
        Sent(new { revoke_collateral_asset = new { asset = AssetInfo.Token(Token) } },
            MintSurface.Outgoing.RevokeCollateralAsset(Target.ToString(), Token.ToString()), Target);
    }

    [Fact]
    public void Collateral_price_query_writes_a_missing_block_height_as_null()
    {
        Assert.Equal(
            $"{{\"collateral_price\":{{\"asset\":\"{Token}\",\"block_height\":null}}}}",
            ContractJson.SerializeToString(new CollateralOracleQueryMsg { CollateralPrice = new() { Asset = Token.ToString(), BlockHeight = null } }));
        Assert.Equal(
            $"{{\"collateral_price\":{{\"asset\":\"{Token}\",\"block_height\":12}}}}",
            ContractJson.SerializeToString(new CollateralOracleQueryMsg { CollateralPrice = new() { Asset = Token.ToString(), BlockHeight = 12 } }));
    }

    [Fact]
    public void Oracle_queries_and_register_asset_keep_their_json()
    {
        Assert.Equal(
            Old(new { price = new { base_asset = Token.ToString(), quote_asset = "uusd" } }),
            ContractJson.SerializeToString(new OracleQueryMsg { Price = new() { BaseAsset = Token.ToString(), QuoteAsset = "uusd" } }));
        Assert.Equal(
            Old(new { feeder = new { asset_token = Token.ToString() } }),
            ContractJson.SerializeToString(new OracleQueryMsg { Feeder = new() { AssetToken = Token.ToString() } }));
        Sent(new { register_asset = new { asset_token = Token.ToString(), feeder = Staker.ToString() } },
            OracleMessages.RegisterAsset(Target, Token.ToString(), Staker.ToString()), Target);
        Assert.Equal(
            Old(new { short_reward_weight = new { premium_rate = Decimal.Permille(25) } }),
            ContractJson.SerializeToString(new ShortRewardQueryMsg { ShortRewardWeight = new() { PremiumRate = Decimal.Permille(25) } }));
    }

    [Fact]
    public void Mint_messages_from_the_factory_keep_their_json()
    {
        var ipo = new MintSurface.IpoParams { MintEnd = 100, PreIpoPrice = Decimal.One, MinCollateralRatioAfterIpo = Decimal.Permille(1500) };
        var withoutIpo = MintSurface.MintMessages.RegisterAsset(Target, Token.ToString(), Decimal.Permille(200), Decimal.Permille(1500), null);
        Assert.Equal(
            $"{{\"register_asset\":{{\"asset_token\":\"{Token}\",\"auction_discount\":\"0.2\",\"min_collateral_ratio\":\"1.5\",\"ipo_params\":null}}}}",
            Json(withoutIpo.Msg));
        Sent(new
        {
            register_asset = new
            {
                asset_token = Token.ToString(),
                auction_discount = Decimal.Permille(200),
                min_collateral_ratio = Decimal.Permille(1500),
                ipo_params = new { mint_end = 100UL, pre_ipo_price = Decimal.One, min_collateral_ratio_after_ipo = Decimal.Permille(1500) },
            },
        },
            MintSurface.MintMessages.RegisterAsset(Target, Token.ToString(), Decimal.Permille(200), Decimal.Permille(1500), ipo), Target);
        Sent(new { register_migration = new { asset_token = Token.ToString(), end_price = Decimal.Permille(3) } },
            MintSurface.MintMessages.RegisterMigration(Target, Token.ToString(), Decimal.Permille(3)), Target);
        Assert.Equal(
            Old(new { asset_config = new { asset_token = Token.ToString() } }),
            ContractJson.SerializeToString(new MintSurface.QueryMsg { AssetConfig = new() { AssetToken = Token.ToString() } }));
    }

    [Fact]
    public void Terraswap_messages_keep_their_json_with_none_written_as_null()
    {
        var offer = Asset.Of(AssetInfo.Native("uusd"), 100);
        var swap = PairMessages.Swap(Target, offer, null, Decimal.Permille(500), null, [new Coin("uusd", 100)]);
        Assert.Equal(
            "{\"swap\":{\"offer_asset\":{\"info\":{\"native_token\":{\"denom\":\"uusd\"}},\"amount\":\"100\"},\"belief_price\":null,\"max_spread\":\"0.5\",\"to\":null}}",
            Json(swap.Msg));
        Assert.Equal([new Coin("uusd", 100)], swap.Funds);
        Assert.Equal("{\"swap\":{\"belief_price\":null,\"max_spread\":null,\"to\":null}}", Json(PairMessages.SwapHook(null, null, null)));
        var provide = PairMessages.ProvideLiquidity(Target, [offer, Asset.Of(AssetInfo.Token(Token), 5)], null, null, []);
        Assert.Equal(
            $"{{\"provide_liquidity\":{{\"assets\":[{{\"info\":{{\"native_token\":{{\"denom\":\"uusd\"}}}},\"amount\":\"100\"}},{{\"info\":{{\"token\":{{\"contract_addr\":\"{Token}\"}}}},\"amount\":\"5\"}}],\"slippage_tolerance\":null,\"receiver\":null}}}}",
            Json(provide.Msg));
        AssetInfo[] infos = [AssetInfo.Native("uusd"), AssetInfo.Token(Token)];
        Sent(new { create_pair = new { asset_infos = infos } }, TerraswapFactory.FactoryMessages.CreatePair(Target, infos), Target);
        Assert.Equal(Old(new { pair = new { asset_infos = infos } }), ContractJson.SerializeToString(new TerraswapFactory.QueryMsg { Pair = new() { AssetInfos = infos } }));
        Assert.Equal(Old(new { pair = new { } }), ContractJson.SerializeToString(new PairQueryMsg { Pair = EmptyMsg.Instance }));
        Assert.Equal(Old(new { pool = new { } }), ContractJson.SerializeToString(new PairQueryMsg { Pool = EmptyMsg.Instance }));
        Assert.Equal(Old(new { simulation = new { offer_asset = offer } }), ContractJson.SerializeToString(new PairQueryMsg { Simulation = new() { OfferAsset = offer } }));
        Assert.Equal(Old(new { reverse_simulation = new { ask_asset = offer } }), ContractJson.SerializeToString(new PairQueryMsg { ReverseSimulation = new() { AskAsset = offer } }));
    }

    [Fact]
    public void Mint_cw20_messages_through_cw20_messages_keep_their_json()
    {
        Sent(new { mint = new { recipient = Staker.ToString(), amount = (UInt128)3 } }, MintSurface.Outgoing.Cw20Mint(Token.ToString(), Staker.ToString(), 3), Token);
        Sent(new { burn = new { amount = (UInt128)3 } }, MintSurface.Outgoing.Cw20Burn(Token.ToString(), 3), Token);
    }

    [Fact]
    public void Mint_short_sale_send_keeps_its_json_also_when_the_base64_hook_holds_plus_and_slash()
    {
        var sawPlus = false;
        var sawSlash = false;
        for (var i = 0; i < 64; i++)
        {
            // '~' and '?' at every offset in the hook put '+' and '/' into its base64 (a bech32 `to` alone never does)
            var to = new string('a', i % 3) + "~?" + TestAddress.Of("lock" + i);
            var shortParams = new MintSurface.ShortParams { BeliefPrice = i % 2 == 0 ? null : Decimal.Permille(1000 + (ulong)i), MaxSpread = Decimal.Permille(10) };
            var hook = ContractJson.Serialize(new { swap = new OldSwapHook(shortParams.BeliefPrice, shortParams.MaxSpread, to) });
            sawPlus |= Convert.ToBase64String(hook).Contains('+');
            sawSlash |= Convert.ToBase64String(hook).Contains('/');
            Sent(new { send = new { contract = Target.ToString(), amount = (UInt128)1000, msg = hook } },
                MintSurface.Outgoing.Cw20SendSwap(Token.ToString(), Target.ToString(), 1000, shortParams, to), Token);
        }
        Assert.True(sawPlus && sawSlash);
    }

    [Fact]
    public void Community_spend_transfer_keeps_its_json()
    {
        Sent(new { transfer = new { recipient = Staker.ToString(), amount = (UInt128)42 } },
            Cw20Messages.Transfer(Token, Staker.ToString(), 42), Token);
        Sent(new { transfer = new { recipient = "not-an-address", amount = (UInt128)42 } },
            Cw20Messages.Transfer(Token, "not-an-address", 42), Token);

        // A recipient no address can be (the token refuses it) may be escaped differently (cw20's writer, like serde,
        // leaves '<' and 'é' as they are), but it reads back as the same string.
        const string notAnAddress = "<é>+&'\"";
        var sent = Cw20Messages.Transfer(Token, notAnAddress, 42);
        using var doc = System.Text.Json.JsonDocument.Parse(sent.Msg);
        Assert.Equal(notAnAddress, doc.RootElement.GetProperty("transfer").GetProperty("recipient").GetString());
        Assert.Equal("42", doc.RootElement.GetProperty("transfer").GetProperty("amount").GetString());
    }

    [Fact]
    public void Collector_hooks_keep_their_literal_json()
    {
        Assert.Equal("{\"deposit_reward\":{}}", Json(GovMessages.DepositRewardHook()));
        Assert.Equal("{\"luna_swap_hook\":{}}", ContractJson.SerializeToString(new CollectorExecuteMsg { LunaSwapHook = EmptyMsg.Instance }));
    }

    [Fact]
    public void Collateral_oracle_price_query_matches_its_former_json_writer_also_for_odd_denoms()
    {
        foreach (var asset in new[] { Token.ToString(), "uluna", "u<é>&+" })
        {
            using var stream = new MemoryStream();
            using (var w = new System.Text.Json.Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteStartObject("price");
                w.WriteString("base_asset", asset);
                w.WriteString("quote_asset", "uusd");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            Assert.Equal(
                Encoding.UTF8.GetString(stream.ToArray()),
                ContractJson.SerializeToString(new OracleQueryMsg { Price = new() { BaseAsset = asset, QuoteAsset = "uusd" } }));
        }
        Assert.Equal("{\"pool\":{}}", ContractJson.SerializeToString(new PairQueryMsg { Pool = EmptyMsg.Instance }));
    }

    [Fact]
    public void Instantiate_reply_reads_the_contract_address_and_refuses_bytes_that_are_not_the_response()
    {
        var data = Google.Protobuf.MessageExtensions.ToByteArray(
            new MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.MsgInstantiateContractResponse { Address = Target.ToString() });
        Assert.Equal(Target.ToString(), InstantiateReply.ContractAddress(data));
        Assert.Equal("", InstantiateReply.ContractAddress(null));
        var e = Assert.Throws<ContractException>(() => InstantiateReply.ContractAddress([0xff, 0xff, 0xff]));
        Assert.Equal("Error parsing into type MsgInstantiateContractResponse: failed to parse data", e.Message);
    }

    /// <summary>The mint's former private hook record (None written as null).</summary>
    private sealed record OldSwapHook(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Decimal? BeliefPrice,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Decimal? MaxSpread,
        string To);
}
