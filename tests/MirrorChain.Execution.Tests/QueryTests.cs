using Google.Protobuf;
using MirrorChain.Tx.Proto.Cosmos.Auth.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Base.Query.V1Beta1;
using PubKeyProto = MirrorChain.Tx.Proto.Cosmos.Crypto.Secp256k1.PubKey;

namespace MirrorChain.Execution.Tests;

public class QueryTests
{
    [Fact]
    public void Account_query_answers_a_base_account_and_after_a_tx_its_pubkey()
    {
        var state = TestChain.NewBlockState();
        var test1 = TestKeys.Test1;
        var request = new QueryAccountRequest { Address = test1.Address.ToString() };

        var before = Accounts.QueryAccount(state, request);
        Assert.Equal("/cosmos.auth.v1beta1.BaseAccount", before.Account.TypeUrl);
        var account = BaseAccount.Parser.ParseFrom(before.Account.Value);
        Assert.Equal(test1.Address.ToString(), account.Address);
        Assert.Equal(0UL, account.AccountNumber);
        Assert.Equal(0UL, account.Sequence);
        Assert.Null(account.PubKey);

        new BlockExecutor().ExecuteBlock(TestChain.Block, [TestChain.Send(test1, TestKeys.Test2.Address, "1uluna", 0).TxBytes], state);

        var after = BaseAccount.Parser.ParseFrom(Accounts.QueryAccount(state, request).Account.Value);
        Assert.Equal(1UL, after.Sequence);
        Assert.Equal("/cosmos.crypto.secp256k1.PubKey", after.PubKey.TypeUrl);
        Assert.Equal(test1.PublicKey, PubKeyProto.Parser.ParseFrom(after.PubKey.Value).Key.ToByteArray());
    }

    [Fact]
    public void Fee_collector_is_a_module_account()
    {
        var response = Accounts.QueryAccount(TestChain.NewBlockState(), new QueryAccountRequest { Address = TestChain.FeeCollector.ToString() });

        Assert.Equal("/cosmos.auth.v1beta1.ModuleAccount", response.Account.TypeUrl);
        var module = ModuleAccount.Parser.ParseFrom(response.Account.Value);
        Assert.Equal("fee_collector", module.Name);
        Assert.Equal(3UL, module.BaseAccount.AccountNumber);
        Assert.Empty(module.Permissions);
    }

    [Fact]
    public void Unknown_account_is_code_22_with_the_grpc_not_found_log()
    {
        var address = TestKeys.Test4.Address.ToString();

        var e = Assert.Throws<SdkException>(() => Accounts.QueryAccount(TestChain.NewBlockState(), new QueryAccountRequest { Address = address }));

        Assert.Equal(22u, e.Error.Code);
        Assert.Equal("sdk", e.Error.Codespace);
        Assert.Equal($"rpc error: code = NotFound desc = account {address} not found: key not found", e.Log);
    }

    [Fact]
    public void Malformed_address_is_code_18()
    {
        var e = Assert.Throws<SdkException>(() => Accounts.QueryAccount(TestChain.NewBlockState(), new QueryAccountRequest { Address = "nope" }));

        Assert.Equal(18u, e.Error.Code);
        Assert.StartsWith("rpc error: code = InvalidArgument desc = invalid address: ", e.Log);
    }

    [Fact]
    public void Balance_is_always_a_coin()
    {
        var state = TestChain.NewBlockState();

        var some = Bank.QueryBalance(state, new QueryBalanceRequest { Address = TestKeys.Test2.Address.ToString(), Denom = "uluna" });
        var none = Bank.QueryBalance(state, new QueryBalanceRequest { Address = TestKeys.Test4.Address.ToString(), Denom = "uluna" });

        Assert.Equal(("uluna", "10"), (some.Balance.Denom, some.Balance.Amount));
        Assert.Equal(("uluna", "0"), (none.Balance.Denom, none.Balance.Amount));
        Assert.Equal(18u, Assert.Throws<SdkException>(() =>
            Bank.QueryBalance(state, new QueryBalanceRequest { Address = TestKeys.Test2.Address.ToString(), Denom = "" })).Error.Code);
    }

    [Fact]
    public void All_balances_are_sorted_and_paginated()
    {
        var state = TestChain.NewBlockState();
        var address = TestKeys.Test1.Address.ToString();

        var all = Bank.QueryAllBalances(state, new QueryAllBalancesRequest { Address = address });
        Assert.Equal(["1000000000uluna", "1000000000uusd"], all.Balances.Select(c => c.Amount + c.Denom));
        Assert.Equal(2UL, all.Pagination.Total);
        Assert.True(all.Pagination.NextKey.IsEmpty);

        var first = Bank.QueryAllBalances(state, new QueryAllBalancesRequest
        {
            Address = address, Pagination = new PageRequest { Limit = 1, CountTotal = true },
        });
        Assert.Equal(["uluna"], first.Balances.Select(c => c.Denom));
        Assert.Equal("uusd", first.Pagination.NextKey.ToStringUtf8());
        Assert.Equal(2UL, first.Pagination.Total);

        var second = Bank.QueryAllBalances(state, new QueryAllBalancesRequest
        {
            Address = address, Pagination = new PageRequest { Limit = 1, Key = first.Pagination.NextKey },
        });
        Assert.Equal(["uusd"], second.Balances.Select(c => c.Denom));
        Assert.True(second.Pagination.NextKey.IsEmpty);
        Assert.Equal(0UL, second.Pagination.Total);

        var reversed = Bank.QueryAllBalances(state, new QueryAllBalancesRequest
        {
            Address = address, Pagination = new PageRequest { Reverse = true, Offset = 1, Limit = 5 },
        });
        Assert.Equal(["uluna"], reversed.Balances.Select(c => c.Denom));

        var e = Assert.Throws<SdkException>(() => Bank.QueryAllBalances(state, new QueryAllBalancesRequest
        {
            Address = address, Pagination = new PageRequest { Offset = 1, Key = ByteString.CopyFrom(Encoding.UTF8.GetBytes("uusd")) },
        }));
        Assert.Equal(18u, e.Error.Code);

        var empty = Bank.QueryAllBalances(state, new QueryAllBalancesRequest { Address = TestKeys.Test4.Address.ToString() });
        Assert.Empty(empty.Balances);
        Assert.Equal(0UL, empty.Pagination.Total);
    }

    [Fact]
    public void Supply_of_a_denom()
    {
        var state = TestChain.NewBlockState();

        Assert.Equal("1001000000", Bank.QuerySupplyOf(state, new QuerySupplyOfRequest { Denom = "uusd" }).Amount.Amount);
        Assert.Equal("0", Bank.QuerySupplyOf(state, new QuerySupplyOfRequest { Denom = "ukrw" }).Amount.Amount);
    }

    [Fact]
    public void Auth_params_reflect_chain_params_and_the_gas_schedule()
    {
        var p = Accounts.QueryParams(TestChain.NewBlockState(), GasConfig.Default).Params;

        Assert.Equal(256UL, p.MaxMemoCharacters);
        Assert.Equal(10UL, p.TxSizeCostPerByte);
        Assert.Equal(1000UL, p.SigVerifyCostSecp256K1);
        Assert.Equal(1UL, p.TxSigLimit);
    }
}
