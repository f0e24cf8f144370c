using System.Numerics;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;

namespace MirrorChain.Execution.Tests;

public class AnteTests
{
    private const string SigFailure =
        "signature verification failed; please verify account number (0) and chain-id (mirrorchain-devnet-1): unauthorized";

    private static readonly BigInteger CurveOrder = BigInteger.Parse(
        "0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    private readonly BlockExecutor _executor = new();


    [Fact]
    public void Wrong_sequence_is_code_32_with_no_state_change()
    {
        var tx = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", sequence: 1);

        var (result, state) = TestChain.ExecuteAlone(tx.TxBytes);

        Assert.Equal(32u, result.Code);
        Assert.Equal("sdk", result.Codespace);
        Assert.Equal("account sequence mismatch, expected 0, got 1: incorrect account sequence", result.Log);
        Assert.Equal(313, tx.TxBytes.Length);
        Assert.Equal(3130 + 1312, result.GasUsed); // tx size + account read
        Assert.Equal(200_000, result.GasWanted);
        Assert.Empty(result.Events);
        Assert.Empty(state.Changes());
    }

    [Fact]
    public void Tampered_signature_is_code_4()
    {
        var tx = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", sequence: 0);
        var signature = (byte[])tx.Signature.Clone();
        signature[10] ^= 0x01;

        var (result, state) = TestChain.ExecuteAlone(TxBuilder.RawBytes(tx.BodyBytes, tx.AuthInfoBytes, signature));

        TestChain.AssertFailed(result, 4, SigFailure);
        Assert.Equal(3110 + 1312 + 1000, result.GasUsed); // 311 bytes, account read, signature
        Assert.Empty(state.Changes());
    }

    [Fact]
    public void High_s_signature_is_code_4()
    {
        var tx = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", sequence: 0);
        var s = new BigInteger(tx.Signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var highS = (CurveOrder - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.Equal(32, highS.Length);
        var malleated = tx.Signature[..32].Concat(highS).ToArray();
        // the malleated signature is mathematically valid; only the low-S rule rejects it
        Assert.NotEqual(tx.Signature, malleated);

        var result = TestChain.ExecuteAlone(TxBuilder.RawBytes(tx.BodyBytes, tx.AuthInfoBytes, malleated)).Result;

        TestChain.AssertFailed(result, 4, SigFailure);
    }

    [Fact]
    public void Wrong_chain_id_is_code_4()
    {
        var tx = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", sequence: 0, chainId: "mirrorchain-1");

        var result = TestChain.ExecuteAlone(tx.TxBytes).Result;

        TestChain.AssertFailed(result, 4, SigFailure);
    }

    [Fact]
    public void Wrong_account_number_is_code_4()
    {
        var tx = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", sequence: 0, accountNumber: 5);

        var result = TestChain.ExecuteAlone(tx.TxBytes).Result;

        TestChain.AssertFailed(result, 4, SigFailure);
    }

    [Fact]
    public void Non_direct_sign_mode_is_code_4()
    {
        var key = TestKeys.Test1;
        var body = TxBuilder.BodyBytes([new MsgSend(key.Address, TestKeys.Test2.Address, [new Coin("uluna", 1)])]);
        var auth = TxBuilder.AuthInfoBytes(key.PublicKey, 0, [new Coin("uluna", 3000)], 200_000, SignMode.LegacyAminoJson);
        var sig = key.SignSha256(SignDocBuilder.SignBytes(body, auth, TestChain.ChainId, 0));

        var result = TestChain.ExecuteAlone(TxBuilder.RawBytes(body, auth, sig)).Result;

        Assert.Equal(4u, result.Code);
    }

    [Theory]
    [InlineData("100uluna", "insufficient fees; got: 100uluna required: 3000uluna,30000uusd: insufficient fee")]
    [InlineData("2999uluna", "insufficient fees; got: 2999uluna required: 3000uluna,30000uusd: insufficient fee")]
    [InlineData("29999uusd", "insufficient fees; got: 29999uusd required: 3000uluna,30000uusd: insufficient fee")]
    [InlineData("", "insufficient fees; got:  required: 3000uluna,30000uusd: insufficient fee")]
    [InlineData("1000000uabc", "insufficient fees; got: 1000000uabc required: 3000uluna,30000uusd: insufficient fee")]
    public void Fee_below_the_minimum_is_code_13(string fee, string log)
    {
        var tx = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", sequence: 0, fee: fee);

        var (result, state) = TestChain.ExecuteAlone(tx.TxBytes);

        TestChain.AssertFailed(result, 13, log);
        Assert.Empty(state.Changes());
    }

    [Theory]
    [InlineData("3000uluna")]
    [InlineData("30000uusd")]
    [InlineData("1uluna,30000uusd")]
    public void Fee_meeting_the_minimum_in_any_configured_denom_passes(string fee)
    {
        var state = TestChain.NewBlockState();
        var tx = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", sequence: 0, fee: fee);

        Assert.Equal(0u, Assert.Single(_executor.ExecuteBlock(TestChain.Block, [tx.TxBytes], state)).Code);
    }

    [Fact]
    public void Unknown_signer_account_is_code_9()
    {
        var tx = TestChain.Send(TestKeys.Test4, TestKeys.Test2.Address, "1uluna", sequence: 0, accountNumber: 0);

        var result = TestChain.ExecuteAlone(tx.TxBytes).Result;

        TestChain.AssertFailed(result, 9, "account terra199vw7724lzkwz6lf2hsx04lrxfkz09tg8dlp6r not found: unknown address");
    }

    [Fact]
    public void Pubkey_of_another_address_is_code_8()
    {
        // test1 signs a send whose from_address (the signer) is test2
        var tx = TestChain.Sign(TestKeys.Test1, [new MsgSend(TestKeys.Test2.Address, TestKeys.Test3.Address, [new Coin("uluna", 1)])],
            sequence: 0, accountNumber: 1);

        var result = TestChain.ExecuteAlone(tx.TxBytes).Result;

        TestChain.AssertFailed(result, 8, $"pubKey does not match signer address {TestKeys.Test2.Address} with signer index: 0: invalid pubkey");
    }

    [Fact]
    public void Missing_pubkey_on_first_use_is_code_8_and_later_txs_may_omit_it()
    {
        var state = TestChain.NewBlockState();
        var key = TestKeys.Test1;
        byte[] WithoutKey(ulong sequence)
        {
            var body = TxBuilder.BodyBytes([new MsgSend(key.Address, TestKeys.Test2.Address, [new Coin("uluna", 1)])]);
            var auth = TxBuilder.AuthInfoBytes(null, sequence, [new Coin("uluna", 3000)], 200_000);
            return TxBuilder.RawBytes(body, auth, key.SignSha256(SignDocBuilder.SignBytes(body, auth, TestChain.ChainId, 0)));
        }

        var first = Assert.Single(_executor.ExecuteBlock(TestChain.Block, [WithoutKey(0)], state));
        Assert.Equal(8u, first.Code);
        Assert.Equal($"pubkey on account {key.Address} is not set and the tx does not carry one: invalid pubkey", first.Log);

        var results = _executor.ExecuteBlock(TestChain.Block,
            [TestChain.Send(key, TestKeys.Test2.Address, "1uluna", sequence: 0).TxBytes, WithoutKey(1)], state);
        Assert.Equal([0u, 0u], results.Select(r => r.Code));
    }

    [Fact]
    public void Timeout_height_in_the_past_is_code_30()
    {
        var key = TestKeys.Test1;
        var spec = new TxSpec
        {
            Messages = [new MsgSend(key.Address, TestKeys.Test2.Address, [new Coin("uluna", 1)])],
            Fee = [new Coin("uluna", 3000)],
            ChainId = TestChain.ChainId,
            TimeoutHeight = 4,
        };

        var (result, state) = TestChain.ExecuteAlone(TxBuilder.Sign(spec, key).TxBytes);

        TestChain.AssertFailed(result, 30, "block height: 5, timeout height: 4: tx timeout height");
        Assert.Equal(0u, _executor.ExecuteBlock(TestChain.Block, [TxBuilder.Sign(spec with { TimeoutHeight = 5 }, key).TxBytes], state)[0].Code);
    }

    [Fact]
    public void Out_of_gas_in_the_messages_is_code_11_keeping_the_fee_and_reverting_the_send()
    {
        var test1 = TestKeys.Test1;
        var tx = TestChain.Send(test1, TestKeys.Test2.Address, "1000uluna", sequence: 0, fee: "375uluna", gas: 25_000);

        var (result, state) = TestChain.ExecuteAlone(tx.TxBytes);

        // ante: 313 bytes × 10 = 3130 + account read 1312 + signature 1000 + fee 9238 + account write 7340 = 22020;
        // send: read 1111 → 23131, then WriteFlat 2000 → 25131 > 25000.
        Assert.Equal(11u, result.Code);
        Assert.Equal("sdk", result.Codespace);
        Assert.Equal("out of gas in location: WriteFlat; gasWanted: 25000, gasUsed: 25131: out of gas", result.Log);
        Assert.Equal(25_000, result.GasWanted);
        Assert.Equal(25_131, result.GasUsed);
        Assert.Equal(UInt128.Parse("999999625"), TestChain.Balance(state, test1, "uluna"));
        Assert.Equal((UInt128)375, Bank.GetBalance(state, TestChain.FeeCollector, "uluna"));
        Assert.Equal((UInt128)10, TestChain.Balance(state, TestKeys.Test2, "uluna"));
        Assert.Equal(1UL, Accounts.Get(state, test1.Address)!.Sequence);
        Assert.Equal(7, result.Events.Count); // the ante's events only
    }

    [Fact]
    public void Out_of_gas_in_the_ante_changes_nothing()
    {
        var tx = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1000uluna", sequence: 0, fee: "75uluna", gas: 5_000);

        var (result, state) = TestChain.ExecuteAlone(tx.TxBytes);

        TestChain.AssertFailed(result, 11, "out of gas in location: ante verify: secp256k1; gasWanted: 5000, gasUsed: 5422: out of gas");
        Assert.Empty(state.Changes());
    }

    [Fact]
    public void Execute_on_a_missing_contract_is_wasm_8_and_the_fee_is_kept()
    {
        var contract = Address.FromBytes(Hashing.Sha256("no contract here"u8));
        var msg = new MsgExecuteContract(TestKeys.Test1.Address, contract, Encoding.UTF8.GetBytes("{\"ping\":{}}"), [new Coin("uusd", 1000)]);
        var tx = TestChain.Sign(TestKeys.Test1, [msg], sequence: 0);

        var (result, state) = TestChain.ExecuteAlone(tx.TxBytes);

        Assert.Equal(8u, result.Code);
        Assert.Equal("wasm", result.Codespace);
        Assert.Equal($"failed to execute message; message index: 0: no such contract: {contract}: not found", result.Log);
        Assert.Equal(UInt128.Parse("999997000"), TestChain.Balance(state, TestKeys.Test1, "uluna"));
        Assert.Equal(UInt128.Parse("1000000000"), TestChain.Balance(state, TestKeys.Test1, "uusd"));
        Assert.Null(Accounts.Get(state, contract));
    }

    [Fact]
    public void Legacy_execute_type_url_routes_to_contracts_too()
    {
        var contract = Address.FromBytes(Hashing.Sha256("legacy"u8));
        var msg = new MsgExecuteContract(TestKeys.Test1.Address, contract, Encoding.UTF8.GetBytes("{}"), [], isLegacy: true);

        var result = TestChain.ExecuteAlone(TestChain.Sign(TestKeys.Test1, [msg], sequence: 0).TxBytes).Result;

        Assert.Equal(8u, result.Code);
        Assert.Equal("wasm", result.Codespace);
    }

    [Fact]
    public void Undecodable_tx_is_code_2_with_zero_gas_and_no_change()
    {

        var (result, state) = TestChain.ExecuteAlone([0x0a, 0xff]);

        Assert.Equal(2u, result.Code);
        Assert.Equal(0, result.GasWanted);
        Assert.Equal(0, result.GasUsed);
        Assert.Empty(state.Changes());
    }
}
