using System.Text;
using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.State;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Fuzz.Tests;

/// <summary>
/// The hostile-client messages of the review, as whole signed txs delivered over the devnet state: each ends as wasm
/// code 5 with cosmwasm's parse error (once code 1 "internal"), and changes exactly what any failed tx changes — the
/// fee and the sequence — as a reference tx with an unknown variant shows.
/// </summary>
public sealed class HostileTxTests(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    [Theory]
    [InlineData("mint", """{"open_position":{"collateral":null,"asset_info":{"token":{"contract_addr":"MTSLA"}},"collateral_ratio":"2"}}""",
        "Error parsing into type mirror_protocol::mint::ExecuteMsg: Invalid type")]
    [InlineData("lock", """{"unlock_position_funds":{"positions_idx":null}}""", "Error parsing into type mirror_protocol::lock::ExecuteMsg: Invalid type")]
    [InlineData("oracle", """{"feed_price":{"prices":[["\ud800","1"]]}}""",
        "Error parsing into type mirror_protocol::oracle::ExecuteMsg: Found a lone surrogate, which can exist in JSON but cannot be encoded to UTF-8.")]
    public void A_hostile_message_fails_with_wasm_code_5_and_changes_only_fee_and_sequence(string contract, string json, string error)
    {
        var w = fixture.World;
        json = json.Replace("MTSLA", w["mTSLA"].ToString(), StringComparison.Ordinal);
        var (result, changes) = Deliver(contract, json);
        Assert.Equal(SdkError.WasmExecuteFailed.Code, result.Code);
        Assert.Equal("wasm", result.Codespace);
        Assert.Equal($"failed to execute message; message index: 0: {error}: execute wasm contract failed", result.Log);

        var (reference, referenceChanges) = Deliver(contract, """{"fuzz_reference_unknown_variant":{}}""");
        Assert.Equal(SdkError.WasmExecuteFailed.Code, reference.Code);
        Assert.Equal(referenceChanges, changes);
    }

    private (TxResult Result, string Changes) Deliver(string contract, string json)
    {
        var w = fixture.World;
        var key = w.Keys["test4"];
        var sequence = Accounts.Get(w.Node.State.Committed, key.Address)!.Sequence;
        var tx = DevnetWorld.Sign(w.Node, key, new MsgExecuteContract(key.Address, w[contract], Encoding.UTF8.GetBytes(json), []), sequence);
        var state = new StateCache(w.Node.State.Committed);
        var result = new TxExecutor(w.Runtime).Deliver(w.Node.NextContext(), tx, state);
        var changes = string.Join(";", state.Changes().Select(c => Convert.ToHexString(c.Key) + "=" + (c.Value is null ? "-" : Convert.ToHexString(c.Value))));
        return (result, changes);
    }
}
