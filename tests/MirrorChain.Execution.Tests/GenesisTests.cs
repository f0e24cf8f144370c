namespace MirrorChain.Execution.Tests;

public class GenesisTests
{
    private static StateCache Apply(GenesisAppState genesis)
    {
        var state = new StateCache(new EmptyReader());
        GenesisApplier.Apply(genesis, state);
        return state;
    }

    [Fact]
    public void Accounts_are_numbered_in_file_order_with_the_fee_collector_last()
    {
        var state = Apply(TestChain.Genesis);

        Assert.Equal(0UL, Accounts.Get(state, TestKeys.Test1.Address)!.AccountNumber);
        Assert.Equal(1UL, Accounts.Get(state, TestKeys.Test2.Address)!.AccountNumber);
        Assert.Equal(2UL, Accounts.Get(state, TestKeys.Test3.Address)!.AccountNumber);
        var feeCollector = Accounts.Get(state, ModuleAccounts.FeeCollectorAddress)!;
        Assert.Equal(3UL, feeCollector.AccountNumber);
        Assert.Equal("fee_collector", feeCollector.ModuleName);
        Assert.Equal("0000000000000004", Hex.Lower(state.Get(StateKeys.NextAccountNumber())!));
    }

    [Fact]
    public void Supply_is_the_sum_of_balances_and_params_are_stored()
    {
        var state = Apply(TestChain.Genesis);

        Assert.Equal(UInt128.Parse("1000005010"), Bank.GetSupply(state, "uluna"));
        Assert.Equal(UInt128.Parse("1001000000"), Bank.GetSupply(state, "uusd"));
        Assert.Equal([new Coin("uluna", 10), new Coin("uusd", 1_000_000)], Bank.GetAllBalances(state, TestKeys.Test2.Address));
        Assert.Equal("{\"min_gas_prices\":\"0.015uluna,0.15uusd\",\"max_tx_bytes\":1048576,\"max_memo_characters\":256,\"max_block_gas\":-1}",
            ChainParams.Load(state).ToString());
    }

    [Fact]
    public void Balance_addresses_missing_from_auth_get_accounts_in_balance_order()
    {
        var genesis = TestChain.Genesis with
        {
            Auth = new GenesisAuth { Accounts = [new GenesisAccount { Address = TestKeys.Test3.Address.ToString() }] },
        };

        var state = Apply(genesis);

        Assert.Equal(0UL, Accounts.Get(state, TestKeys.Test3.Address)!.AccountNumber);
        Assert.Equal(1UL, Accounts.Get(state, TestKeys.Test1.Address)!.AccountNumber);
        Assert.Equal(2UL, Accounts.Get(state, TestKeys.Test2.Address)!.AccountNumber);
        Assert.Equal(3UL, Accounts.Get(state, ModuleAccounts.FeeCollectorAddress)!.AccountNumber);
    }

    [Fact]
    public void Parses_snake_case_json_and_ignores_other_sections()
    {
        var json = """
            {
              "auth": { "accounts": [ { "address": "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v" } ] },
              "bank": { "balances": [ { "address": "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v",
                                        "coins": [ { "denom": "uusd", "amount": "5" }, { "denom": "uluna", "amount": "7" } ] } ],
                        "supply": [ { "denom": "uluna", "amount": "7" }, { "denom": "uusd", "amount": "5" } ] },
              "params": { "min_gas_prices": "0.15uusd", "max_tx_bytes": "2048", "max_memo_characters": 100 },
              "wasm": { "contracts": [] }
            }
            """;

        var genesis = GenesisAppState.Parse(json);
        var state = Apply(genesis);

        Assert.Equal([new Coin("uluna", 7), new Coin("uusd", 5)], Bank.GetAllBalances(state, Address.Parse("terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v")));
        var p = ChainParams.Load(state);
        Assert.Equal(2048, p.MaxTxBytes);
        Assert.Equal(100, p.MaxMemoCharacters);
        Assert.Equal("0.15uusd", GasPrice.FormatList(p.MinGasPrices));
        Assert.Equal(-1, p.MaxBlockGas);
    }

    [Fact]
    public void Applying_twice_writes_identical_state()
    {
        var a = Apply(TestChain.Genesis).Changes();
        var b = Apply(TestChain.Genesis).Changes();

        Assert.Equal(a.Select(c => Hex.Lower(c.Key) + "=" + Hex.Lower(c.Value!)), b.Select(c => Hex.Lower(c.Key) + "=" + Hex.Lower(c.Value!)));
    }

    public static TheoryData<string, string> BadGeneses => new()
    {
        { """{"auth":{"accounts":[{"address":"terra1bad"}]}}""", "genesis app_state auth.accounts[0].address: invalid address \"terra1bad\"" },
        { """{"auth":{"accounts":[{"address":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v"},{"address":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v"}]}}""",
            "genesis app_state auth.accounts[1].address: duplicate account terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v" },
        { """{"bank":{"balances":[{"address":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v","coins":[{"denom":"uluna","amount":"12a"}]}]}}""",
            "genesis app_state bank.balances[0].coins[0].amount: amount must be a decimal integer string, got \"12a\"" },
        { """{"bank":{"balances":[{"address":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v","coins":[{"denom":"uluna","amount":"0"}]}]}}""",
            "genesis app_state bank.balances[0].coins: coin 0uluna amount is not positive" },
        { """{"bank":{"balances":[{"address":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v","coins":[{"denom":"u","amount":"1"}]}]}}""",
            "genesis app_state bank.balances[0].coins[0].denom: invalid denom \"u\"" },
        { """{"bank":{"balances":[{"address":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v","coins":[{"denom":"uluna","amount":"1"},{"denom":"uluna","amount":"2"}]}]}}""",
            "genesis app_state bank.balances[0].coins: denomination uluna is not sorted or is duplicated" },
        { """{"bank":{"balances":[{"address":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v","coins":[{"denom":"uluna","amount":"1"}]}],"supply":[{"denom":"uluna","amount":"2"}]}}""",
            "genesis app_state bank.supply: declared supply 2uluna differs from the sum of balances 1uluna" },
        { """{"params":{"min_gas_prices":"0.015"}}""", "genesis app_state params.min_gas_prices: invalid gas price: \"0.015\" (expected e.g. 0.015uluna)" },
        { """{"params":{"max_tx_bytes":0}}""", "genesis app_state params.max_tx_bytes: must be between 1 and 2147483647, got 0" },
    };

    [Theory]
    [MemberData(nameof(BadGeneses))]
    public void Invalid_genesis_is_rejected_with_a_clear_message(string json, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => Apply(GenesisAppState.Parse(json)));

        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Malformed_json_is_an_invalid_data_exception()
    {
        Assert.Throws<InvalidDataException>(() => GenesisAppState.Parse("{\"auth\":"));
    }
}
