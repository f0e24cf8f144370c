using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Execution.Tests;

public class SimulateTests
{
    private readonly TxExecutor _executor = new();

    private static StateCache GenesisState()
    {
        var state = new StateCache(new EmptyReader());
        GenesisApplier.Apply(TestChain.Genesis, state);
        return state;
    }

    [Fact]
    public void Simulating_a_signed_tx_uses_exactly_the_gas_delivering_it_uses()
    {
        var tx = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1000uluna", sequence: 0);
        var state = GenesisState();
        var before = state.Changes();

        var simulated = _executor.Simulate(tx.TxBytes, state, TestChain.Block);
        var delivered = _executor.Deliver(TestChain.Block, tx.TxBytes, new StateCache(GenesisState()));

        Assert.True(simulated.IsOk, simulated.Log);
        Assert.Equal(0u, delivered.Code);
        Assert.Equal(31_331UL, simulated.GasUsed);
        Assert.Equal((ulong)delivered.GasUsed, simulated.GasUsed);
        Assert.Equal(200_000UL, simulated.GasWanted);
        Assert.Equal(delivered.Data, simulated.Data);
        Assert.Equal(EventText.Of(delivered.Events), EventText.Of(simulated.Events));
        Assert.Equal("/cosmos.bank.v1beta1.MsgSendResponse", Assert.Single(simulated.MsgResponses).TypeUrl);
        Assert.Equal(before, state.Changes()); // the state simulated on is untouched
    }

    [Fact]
    public void Simulating_the_same_tx_with_an_out_of_gas_limit_still_reports_the_full_gas()
    {
        var tx = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1000uluna", sequence: 0, fee: "375uluna", gas: 25_000);

        var simulated = _executor.Simulate(tx.TxBytes, GenesisState(), TestChain.Block);

        Assert.True(simulated.IsOk);
        Assert.Equal(25_000UL, simulated.GasWanted);
        Assert.Equal(31_291UL, simulated.GasUsed); // 3130 + 1312 + 1000 + 9238 + 7340 + 9271
    }

    [Fact]
    public void Cosmjs_shaped_simulation_has_no_signature_fee_or_gas_and_covers_the_real_tx_with_the_client_margin()
    {
        var key = TestKeys.Test1;
        var messages = new ITxMessage[] { new MsgSend(key.Address, TestKeys.Test2.Address, [new Coin("uluna", 1000)]) };
        var raw = TxBuilder.ForSimulation(messages, key.PublicKey, 0);

        var simulated = _executor.Simulate(raw, GenesisState(), TestChain.Block);

        Assert.True(simulated.IsOk, simulated.Log);
        Assert.Equal(229, raw.Length);
        Assert.Equal(0UL, simulated.GasWanted);
        // 229 bytes + 64 signature bytes = 2930; account read 1312; signature 1000; stand-in fee transfer
        // 1114 + 3140 + 1084 + 2870 + 1000 = 9208; account write 7340; send 1114 + 3110 + 1090 + 2960 + 1000 = 9274.
        Assert.Equal(31_064UL, simulated.GasUsed);
        var cosmjsGas = (simulated.GasUsed * 14 + 9) / 10; // ceil(gas_used × 1.4)
        Assert.True(cosmjsGas >= 31_331UL);
    }

    [Fact]
    public void Simulation_checks_the_sequence()
    {
        var key = TestKeys.Test1;
        var raw = TxBuilder.ForSimulation([new MsgSend(key.Address, TestKeys.Test2.Address, [new Coin("uluna", 1)])], key.PublicKey, 7);

        var simulated = _executor.Simulate(raw, GenesisState(), TestChain.Block);

        Assert.Equal(32u, simulated.Code);
        Assert.Equal("account sequence mismatch, expected 0, got 7: incorrect account sequence", simulated.Log);
    }

    [Fact]
    public void Simulation_reports_message_failures()
    {
        var key = TestKeys.Test3;
        var raw = TxBuilder.ForSimulation([new MsgSend(key.Address, TestKeys.Test2.Address, [new Coin("uluna", 9999)])], key.PublicKey, 0);

        var simulated = _executor.Simulate(raw, GenesisState(), TestChain.Block);

        Assert.Equal(5u, simulated.Code);
        Assert.Equal("failed to execute message; message index: 0: spendable balance 5000uluna is smaller than 9999uluna: insufficient funds", simulated.Log);
        Assert.Empty(simulated.Events);
    }

    [Fact]
    public void Simulation_response_proto_carries_gas_and_events()
    {
        var tx = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1000uluna", sequence: 0);

        var proto = _executor.Simulate(tx.TxBytes, GenesisState(), TestChain.Block).ToProto();

        Assert.Equal(200_000UL, proto.GasInfo.GasWanted);
        Assert.Equal(31_331UL, proto.GasInfo.GasUsed);
        Assert.Equal("", proto.Result.Log);
        Assert.Equal(12, proto.Result.Events.Count);
        Assert.Equal("coin_spent", proto.Result.Events[0].Type);
        Assert.Equal("spender", proto.Result.Events[0].Attributes[0].Key);
        Assert.True(proto.Result.Events[0].Attributes[0].Index);
        Assert.Single(proto.Result.MsgResponses);
    }
}
