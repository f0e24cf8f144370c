using Google.Protobuf;
using MirrorChain.Contracts.Mirror.Factory;
using MirrorChain.Contracts.Mirror.Tests.Factory.Fakes;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;
using static MirrorChain.Contracts.Mirror.Tests.Factory.FactoryFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Factory;

/// <summary>
/// The "whitelist in progress" guards and the reply errors. An atomic whitelist always completes its replies, so the
/// in-progress states are reached by re-entering the factory from inside the token's instantiate (a contract owner
/// and a token that calls back); reply cases no message can produce are checked by calling the entry point directly.
/// </summary>
public sealed class ReplyTests
{
    private readonly FactoryFixture _f = new();

    /// <summary>A contract account becomes the owner, and tokens are created with the call-back token code.</summary>
    private Address ProxyOwner()
    {
        var proxy = _f.App.Instantiate(ProxyAccount.CodeId, GovAddr, "{}", label: "proxy");
        _f.App.Execute(GovAddr, _f.Factory, $"{{\"update_config\":{{\"owner\":\"{proxy}\",\"token_code_id\":{CallbackToken.CodeId}}}}}");
        return proxy;
    }

    private void SetCallback(Address proxy, string msg) =>
        _f.App.Execute(GovAddr, proxy, $"{{\"set_callback\":{{\"contract\":\"{_f.Factory}\",\"msg\":{msg}}}}}");

    private AppResponseOrFail Forward(Address proxy, string msg) =>
        new(() => _f.App.Execute(GovAddr, proxy, $"{{\"forward\":{{\"contract\":\"{_f.Factory}\",\"msg\":{msg}}}}}"));

    [Fact]
    public void a_second_whitelist_while_one_waits_for_its_token_is_refused()
    {
        var proxy = ProxyOwner();
        SetCallback(proxy, WhitelistJson("second", "mSECOND", Feeder, ParamsJson()));
        Assert.Equal("Generic error: A whitelist process is in progress: execute wasm contract failed",
            Forward(proxy, WhitelistJson($"callback:{proxy}", "mFIRST", Feeder, ParamsJson())).Log);
        // without the re-entry the owner whitelists normally
        var r = Forward(proxy, WhitelistJson("plain", "mPLAIN", Feeder, ParamsJson())).Response;
        Assert.NotNull(r.Attribute("asset_token_addr"));
    }

    [Fact]
    public void Reply_1_without_params_is_no_whitelist_in_progress()
    {
        // the proxy is the feeder of an existing asset, so it may migrate it from inside the new token's instantiate:
        // the migration's own reply 1 consumes the params, and the outer whitelist's reply 1 then finds none
        var proxy = _f.App.Instantiate(ProxyAccount.CodeId, GovAddr, "{}", label: "proxy");
        var old = _f.NewAsset("mOLD", feeder: proxy);
        _f.App.Execute(GovAddr, _f.Factory, $"{{\"update_config\":{{\"owner\":\"{proxy}\",\"token_code_id\":{CallbackToken.CodeId}}}}}");
        SetCallback(proxy, $"{{\"migrate_asset\":{{\"name\":\"plain\",\"symbol\":\"mNEW\",\"from_token\":\"{old}\",\"end_price\":\"1\"}}}}");
        Assert.Equal("Generic error: No whitelist process in progress: execute wasm contract failed",
            Forward(proxy, WhitelistJson($"callback:{proxy}", "mFIRST", Feeder, ParamsJson())).Log);
    }

    private (MirrorFactoryContract Contract, Deps Deps, Env Env) Direct(MemoryStorage storage)
    {
        var block = new BlockInfo(_f.App.Height, _f.App.Time, _f.App.ChainId);
        var deps = new Deps(storage, ContractApi.Instance, new Querier(new ContractQuerier(_f.App.Runtime, _f.App.State, block, 0)));
        return (new MirrorFactoryContract(), deps, new Env(block, _f.Factory));
    }

    [Fact]
    public void Unknown_reply_id_is_invalid()
    {
        var (contract, deps, env) = Direct(new MemoryStorage());
        var e = Assert.Throws<ContractException>(() => contract.Reply(deps, env, new Reply(3, [], [], null)));
        Assert.Equal("Generic error: reply id is invalid", e.Message);
    }

    [Fact]
    public void Reply_1_reads_the_temporary_feeder_first_then_parses_the_instantiate_response()
    {
        var storage = new MemoryStorage();
        var (contract, deps, env) = Direct(storage);
        var e = Assert.Throws<StdErrorAdapter>(() => contract.Reply(deps, env, new Reply(1, [], [0xff], null)));
        Assert.Equal("cosmwasm_std::addresses::Addr not found", e.Message);

        FactoryState.TmpOracleFeeder.Save(storage, Feeder.ToString());
        var parse = Assert.Throws<ContractException>(() => contract.Reply(deps, env, new Reply(1, [], [0xff, 0xff], null)));
        Assert.Equal("Error parsing into type MsgInstantiateContractResponse: failed to parse data", parse.Message);

        FactoryState.Config.Save(storage, new Config
        {
            Owner = GovAddr.ToString(), MirrorToken = "", MintContract = "", OracleContract = "", TerraswapFactory = "", StakingContract = "",
            CommissionCollector = "", TokenCodeId = 1, BaseDenom = Uusd, GenesisTime = Genesis, DistributionSchedule = [],
        });
        var valid = new MsgInstantiateContractResponse { Address = Bob.ToString() }.ToByteArray();
        var none = Assert.Throws<ContractException>(() => contract.Reply(deps, env, new Reply(1, [], valid, null)));
        Assert.Equal("Generic error: No whitelist process in progress", none.Message);
    }

    [Fact]
    public void Reply_2_needs_the_temporary_asset_token()
    {
        var (contract, deps, env) = Direct(new MemoryStorage());
        var e = Assert.Throws<StdErrorAdapter>(() => contract.Reply(deps, env, new Reply(2, [], [], null)));
        Assert.Equal("cosmwasm_std::addresses::Addr not found", e.Message);
    }

    /// <summary>An execute's response, or its failure log.</summary>
    private sealed class AppResponseOrFail
    {
        public AppResponseOrFail(Func<Testing.AppResponse> run)
        {
            try
            {
                Response = run();
            }
            catch (SdkException e)
            {
                Log = e.Log;
            }
        }

        public Testing.AppResponse Response { get; } = null!;

        public string? Log { get; }
    }
}
