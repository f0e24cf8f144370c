using System.Numerics;
using MirrorChain.Crypto;
using MirrorChain.Tx;
using MirrorChain.Tx.Amino;
using MirrorChain.Tx.Messages;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;
using ContractInfo = MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.ContractInfo;

namespace MirrorChain.Execution.Tests;

/// <summary>SIGN_MODE_LEGACY_AMINO_JSON (Ledger through Keplr/Station) end to end through the ante handler.</summary>
public class AminoSigningTests
{
    private const string AminoSigFailure =
        "signature verification failed; please verify account number (0), sequence (0) and chain-id (mirrorchain-devnet-1): unauthorized";

    private static readonly Address Contract = Address.FromBytes(Hashing.Sha256("amino stub contract"u8));

    private static readonly BigInteger CurveOrder = BigInteger.Parse(
        "0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    /// <summary>Stores each execute message under the contract and answers a wasm event.</summary>
    private sealed class StubRuntime : IContractRuntime
    {
        public ContractExecution Execute(TxContext ctx, Address sender, Address contract, byte[] msgJson, IReadOnlyList<Coin> funds)
        {
            ctx.State.Set([StateKeys.Wasm, 0x01, .. contract.Bytes], msgJson);
            return new ContractExecution([], [Event.Of("wasm", ("_contract_address", contract.ToString()), ("action", "stub"))]);
        }

        public byte[] QuerySmart(IStateReader state, BlockContext block, Address contract, byte[] queryJson) => "{}"u8.ToArray();

        public ContractInfo? ContractInfo(IStateReader state, Address contract) =>
            contract == Contract ? new ContractInfo { CodeId = 1, Creator = contract.ToString(), Label = "stub" } : null;
    }

    /// <summary>A tx from <paramref name="key"/> signed over its amino sign doc (as cosmjs's Secp256k1HdWallet signs).</summary>
    private static (byte[] Body, byte[] AuthInfo, byte[] Signature) SignAmino(PrivateKey key, IReadOnlyList<ITxMessage> messages,
        ulong sequence = 0, ulong accountNumber = 0, string memo = "", SignMode mode = SignMode.LegacyAminoJson)
    {
        var body = TxBuilder.BodyBytes(messages, memo);
        var auth = TxBuilder.AuthInfoBytes(key.PublicKey, sequence, [new Coin("uluna", 3000)], 200_000, mode);
        var unsigned = TxDecoder.Decode(TxBuilder.RawBytes(body, auth, new byte[64]), 1_048_576);
        var signature = mode == SignMode.LegacyAminoJson
            ? key.SignSha256(AminoSignDoc.SignBytes(unsigned, TestChain.ChainId, accountNumber))
            : key.SignSha256(SignDocBuilder.SignBytes(body, auth, TestChain.ChainId, accountNumber));
        return (body, auth, signature);
    }

    private static byte[] Raw((byte[] Body, byte[] AuthInfo, byte[] Signature) tx) => TxBuilder.RawBytes(tx.Body, tx.AuthInfo, tx.Signature);

    private static MsgSend Send(string amount) => new(TestKeys.Test1.Address, TestKeys.Test2.Address, Coins.Parse(amount));

    private static MsgExecuteContract Execute(string json, string funds = "") =>
        new(TestKeys.Test1.Address, Contract, Encoding.UTF8.GetBytes(json), Coins.Parse(funds));

    [Fact]
    public void Amino_signed_MsgSend_is_delivered_and_moves_the_coins_and_the_fee()
    {
        var (result, state) = TestChain.ExecuteAlone(Raw(SignAmino(TestKeys.Test1, [Send("1000uluna")], memo: "Ledger <3 & co")));

        Assert.Equal(0u, result.Code);
        Assert.Equal((UInt128)1_000_000_000 - 1000 - 3000, TestChain.Balance(state, TestKeys.Test1, "uluna"));
        Assert.Equal((UInt128)10 + 1000, TestChain.Balance(state, TestKeys.Test2, "uluna"));
        Assert.Equal(1UL, Accounts.Get(state, TestKeys.Test1.Address)!.Sequence);
    }

    [Fact]
    public void Amino_signed_MsgExecuteContract_runs_the_contract_with_its_funds()
    {
        var state = TestChain.NewBlockState();
        var raw = Raw(SignAmino(TestKeys.Test1, [Execute("{ \"transfer\": {\"recipient\": \"x\", \"amount\": \"5\"} }", "700uusd")]));

        var result = Assert.Single(new BlockExecutor(new StubRuntime()).ExecuteBlock(TestChain.Block, [raw], state));

        Assert.Equal(0u, result.Code);
        Assert.Equal("{ \"transfer\": {\"recipient\": \"x\", \"amount\": \"5\"} }", Encoding.UTF8.GetString(state.Get([StateKeys.Wasm, 0x01, .. Contract.Bytes])!));
        Assert.Equal((UInt128)700, Bank.GetBalance(state, Contract, "uusd"));
    }

    [Fact]
    public void A_block_of_amino_and_direct_txs_verifies_each_in_its_own_mode()
    {
        var state = TestChain.NewBlockState();
        var amino0 = Raw(SignAmino(TestKeys.Test1, [Send("1uluna")], sequence: 0));
        var direct1 = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", sequence: 1).TxBytes;
        var amino2 = Raw(SignAmino(TestKeys.Test1, [Send("1uluna"), Execute("{\"ping\":{}}")], sequence: 2));

        var results = new BlockExecutor(new StubRuntime()).ExecuteBlock(TestChain.Block, [amino0, direct1, amino2], state);

        Assert.Equal([0u, 0u, 0u], results.Select(r => r.Code));
        Assert.Equal((UInt128)10 + 3, TestChain.Balance(state, TestKeys.Test2, "uluna"));
    }

    [Fact]
    public void Tampered_amino_tx_fails_with_the_sdk_amino_wording_and_changes_nothing()
    {
        var signed = SignAmino(TestKeys.Test1, [Send("1000uluna")]);
        var tamperedBody = TxBuilder.BodyBytes([Send("1001uluna")]);

        var (result, state) = TestChain.ExecuteAlone(TxBuilder.RawBytes(tamperedBody, signed.AuthInfo, signed.Signature));

        TestChain.AssertFailed(result, 4, AminoSigFailure);
        Assert.Empty(state.Changes());
    }

    [Fact]
    public void Amino_signature_for_another_account_number_fails_naming_number_sequence_and_chain()
    {
        var (result, state) = TestChain.ExecuteAlone(Raw(SignAmino(TestKeys.Test1, [Send("1uluna")], accountNumber: 1)));

        TestChain.AssertFailed(result, 4, AminoSigFailure);
        Assert.Empty(state.Changes());
    }

    [Fact]
    public void Direct_sign_bytes_under_the_amino_mode_fail_and_amino_bytes_under_the_direct_mode_fail()
    {
        var directUnderAmino = SignAmino(TestKeys.Test1, [Send("1uluna")], mode: SignMode.Direct);
        var directAuth = TxBuilder.AuthInfoBytes(TestKeys.Test1.PublicKey, 0, [new Coin("uluna", 3000)], 200_000, SignMode.LegacyAminoJson);
        var aminoUnderDirect = SignAmino(TestKeys.Test1, [Send("1uluna")]);
        var directModeAuth = TxBuilder.AuthInfoBytes(TestKeys.Test1.PublicKey, 0, [new Coin("uluna", 3000)], 200_000, SignMode.Direct);

        var first = TestChain.ExecuteAlone(TxBuilder.RawBytes(directUnderAmino.Body, directAuth, directUnderAmino.Signature)).Result;
        var second = TestChain.ExecuteAlone(TxBuilder.RawBytes(aminoUnderDirect.Body, directModeAuth, aminoUnderDirect.Signature)).Result;

        TestChain.AssertFailed(first, 4, AminoSigFailure);
        TestChain.AssertFailed(second, 4,
            "signature verification failed; please verify account number (0) and chain-id (mirrorchain-devnet-1): unauthorized");
    }

    [Fact]
    public void High_s_amino_signature_is_refused()
    {
        var signed = SignAmino(TestKeys.Test1, [Send("1uluna")]);
        var s = new BigInteger(signed.Signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var malleated = signed.Signature[..32].Concat((CurveOrder - s).ToByteArray(isUnsigned: true, isBigEndian: true)).ToArray();
        Assert.Equal(64, malleated.Length);

        var (result, state) = TestChain.ExecuteAlone(TxBuilder.RawBytes(signed.Body, signed.AuthInfo, malleated));

        TestChain.AssertFailed(result, 4, AminoSigFailure);
        Assert.Empty(state.Changes());
    }

    [Theory]
    [InlineData(SignMode.Textual, "SIGN_MODE_TEXTUAL")]
    [InlineData(SignMode.DirectAux, "SIGN_MODE_DIRECT_AUX")]
    [InlineData(SignMode.Eip191, "SIGN_MODE_EIP_191")]
    [InlineData(SignMode.Unspecified, "SIGN_MODE_UNSPECIFIED")]
    public void Unsupported_sign_mode_is_code_4_naming_the_mode_and_changes_nothing(SignMode mode, string name)
    {
        var direct = SignAmino(TestKeys.Test1, [Send("1uluna")], mode: SignMode.Direct);
        var auth = TxBuilder.AuthInfoBytes(TestKeys.Test1.PublicKey, 0, [new Coin("uluna", 3000)], 200_000, mode);

        var (result, state) = TestChain.ExecuteAlone(TxBuilder.RawBytes(direct.Body, auth, direct.Signature));

        TestChain.AssertFailed(result, 4, $"sign mode {name} is not supported; use SIGN_MODE_DIRECT or SIGN_MODE_LEGACY_AMINO_JSON: unauthorized");
        Assert.Empty(state.Changes());
    }

    [Fact]
    public void Terra_classic_execute_under_the_amino_mode_says_it_has_no_amino_form()
    {
        var legacy = new MsgExecuteContract(TestKeys.Test1.Address, Contract, "{\"ping\":{}}"u8.ToArray(), [], isLegacy: true);
        var body = TxBuilder.BodyBytes([legacy]);
        var auth = TxBuilder.AuthInfoBytes(TestKeys.Test1.PublicKey, 0, [new Coin("uluna", 3000)], 200_000, SignMode.LegacyAminoJson);

        var (result, state) = TestChain.ExecuteAlone(TxBuilder.RawBytes(body, auth, new byte[64]));

        Assert.Equal(4u, result.Code);
        Assert.StartsWith("cannot build the SIGN_MODE_LEGACY_AMINO_JSON sign doc: message /terra.wasm.v1beta1.MsgExecuteContract has no legacy amino JSON form here",
            result.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("please verify", result.Log, StringComparison.Ordinal);
        Assert.Empty(state.Changes());
    }

    [Fact]
    public void Contract_message_number_javascript_would_round_is_refused_with_a_clear_error()
    {
        var body = TxBuilder.BodyBytes([Execute("{\"n\":9007199254740993}")]);
        var auth = TxBuilder.AuthInfoBytes(TestKeys.Test1.PublicKey, 0, [new Coin("uluna", 3000)], 200_000, SignMode.LegacyAminoJson);

        var (result, state) = TestChain.ExecuteAlone(TxBuilder.RawBytes(body, auth, new byte[64]));

        TestChain.AssertFailed(result, 4, "cannot build the SIGN_MODE_LEGACY_AMINO_JSON sign doc: contract message: number 9007199254740993 "
            + "cannot be represented exactly in JSON as JavaScript reads it; sign this tx with SIGN_MODE_DIRECT: unauthorized");
        Assert.Empty(state.Changes());
    }

    [Fact]
    public void Simulating_an_amino_tx_works_signed_or_with_an_empty_signature_and_matches_delivery_gas()
    {
        var executor = new TxExecutor();
        var signed = SignAmino(TestKeys.Test1, [Send("1000uluna")]);
        var genesis = TestChain.NewBlockState();

        var simulatedSigned = executor.Simulate(Raw(signed), genesis, TestChain.Block);
        var simulatedEmpty = executor.Simulate(TxBuilder.RawBytes(signed.Body, signed.AuthInfo, Array.Empty<byte>()), genesis, TestChain.Block);
        var delivered = executor.Deliver(TestChain.Block, Raw(signed), TestChain.NewBlockState());

        Assert.True(simulatedSigned.IsOk, simulatedSigned.Log);
        Assert.True(simulatedEmpty.IsOk, simulatedEmpty.Log);
        Assert.Equal(0u, delivered.Code);
        Assert.Equal((ulong)delivered.GasUsed, simulatedSigned.GasUsed);
        Assert.Equal(simulatedSigned.GasUsed, simulatedEmpty.GasUsed);
    }
}
