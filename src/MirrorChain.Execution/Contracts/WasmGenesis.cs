using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MirrorChain.Core;
using MirrorChain.CosmWasm;
using MirrorChain.State;

namespace MirrorChain.Execution.Contracts;

/// <summary>
/// The genesis <c>app_state.wasm</c> section: an ordered deployment script run at height 0 with the genesis time,
/// through the real contract runtime, after accounts and balances exist:
/// <code>
/// "wasm": { "steps": [
///   { "instantiate": { "name": "mirrorToken", "sender": "terra1…", "code_id": 1, "label": "MIR", "msg": { … },
///                      "funds": [ … ], "admin": "terra1…" } },
///   { "execute": { "sender": "terra1…", "contract": "${mint}", "msg": { … }, "funds": [ … ],
///                  "capture": [ { "name": "mAAPL", "attribute": "asset_token_addr" } ] } },
///   { "query": { "name": "mAAPL_pair", "contract": "${terraswapFactory}", "msg": { … }, "path": "contract_addr" } },
///   { "update_admin": { "sender": "terra1…", "contract": "${adminManager}", "admin": "${adminManager}" } }
/// ] }
/// </code>
/// <c>${name}</c> anywhere in a step's strings is replaced by the address an earlier step named (instantiate) or
/// captured (query: the string at <c>path</c>, dot-separated, in the answer; execute: the value of the first event
/// attribute named <c>attribute</c> among the execution's events, e.g. a factory's new token). <c>update_admin</c> is
/// MsgUpdateAdmin: the contract's wasm admin (<c>sender</c>) hands the role to <c>admin</c> (empty: cleared). Any failure stops genesis with the
/// step number and the contract's error.
/// </summary>
public static partial class WasmGenesis
{
    [GeneratedRegex(@"\$\{([A-Za-z0-9_.-]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>Runs the steps; returns every named address in step order.</summary>
    public static IReadOnlyList<KeyValuePair<string, Address>> Apply(JsonElement wasm, IStateWriter state, ContractRuntime runtime, BlockContext genesisBlock)
    {
        var names = new List<KeyValuePair<string, Address>>();
        if (wasm.ValueKind != JsonValueKind.Object || !wasm.TryGetProperty("steps", out var steps))
        {
            return names;
        }
        var router = new Router(runtime);
        var index = 0;
        foreach (var raw in steps.EnumerateArray())
        {
            var step = JsonNode.Parse(Substitute(raw.GetRawText(), names, index))!.AsObject();
            try
            {
                RunStep(step, state, runtime, router, genesisBlock, names);
            }
            catch (Exception e) when (e is SdkException or KeyNotFoundException or FormatException or InvalidOperationException or JsonException)
            {
                throw new InvalidDataException($"genesis wasm.steps[{index}] failed: {(e is SdkException s ? s.Log : e.Message)}", e);
            }
            index++;
        }
        return names;
    }

    private static void RunStep(JsonObject step, IStateWriter state, ContractRuntime runtime, Router router, BlockContext block, List<KeyValuePair<string, Address>> names)
    {
        var tx = new StateCache(state);
        var ctx = new TxContext(block, tx, GasMeter.Infinite(), GasConfig.Default, ExecutionMode.Deliver, new byte[32], 0);
        if (step["instantiate"] is JsonObject inst)
        {
            var sender = Address.Parse(Str(inst, "sender"));
            var admin = inst["admin"]?.GetValue<string>() is { Length: > 0 } a ? Address.Parse(a) : null;
            var (address, _, _) = runtime.Instantiate(ctx, sender, inst["code_id"]!.GetValue<ulong>(),
                Encoding.UTF8.GetBytes(inst["msg"]!.ToJsonString()), Funds(inst), Str(inst, "label"), admin);
            if (inst["name"]?.GetValue<string>() is { Length: > 0 } name)
            {
                names.Add(new(name, address));
            }
        }
        else if (step["execute"] is JsonObject exec)
        {
            var msg = new Tx.Messages.MsgExecuteContract(Address.Parse(Str(exec, "sender")), Address.Parse(Str(exec, "contract")),
                Encoding.UTF8.GetBytes(exec["msg"]!.ToJsonString()), Funds(exec));
            var outcome = router.Dispatch(ctx, msg);
            foreach (var capture in exec["capture"]?.AsArray() ?? [])
            {
                var key = Str(capture!.AsObject(), "attribute");
                var value = outcome.Events.SelectMany(e => e.Attributes).FirstOrDefault(a => a.Key == key)?.Value
                    ?? throw new InvalidOperationException($"no event attribute \"{key}\" to capture");
                names.Add(new(Str(capture.AsObject(), "name"), Address.Parse(value)));
            }
        }
        else if (step["query"] is JsonObject query)
        {
            var answer = runtime.QuerySmart(tx, block, Address.Parse(Str(query, "contract")), Encoding.UTF8.GetBytes(query["msg"]!.ToJsonString()));
            JsonNode? node = JsonNode.Parse(answer);
            foreach (var part in Str(query, "path").Split('.'))
            {
                node = node?[part];
            }
            var captured = node?.GetValue<string>() ?? throw new InvalidOperationException($"query answer has no string at {Str(query, "path")}");
            names.Add(new(Str(query, "name"), Address.Parse(captured)));
        }
        else if (step["update_admin"] is JsonObject update)
        {
            var admin = update["admin"]?.GetValue<string>() is { Length: > 0 } a ? Address.Parse(a) : null;
            runtime.UpdateAdmin(ctx, Address.Parse(Str(update, "sender")), Address.Parse(Str(update, "contract")), admin);
        }
        else
        {
            throw new InvalidOperationException("a step must be one of instantiate, execute, query, update_admin");
        }
        tx.WriteTo(state);
    }

    private static string Substitute(string text, List<KeyValuePair<string, Address>> names, int index) =>
        Placeholder().Replace(text, m =>
        {
            for (var i = names.Count - 1; i >= 0; i--)
            {
                if (names[i].Key == m.Groups[1].Value)
                {
                    return names[i].Value.ToString();
                }
            }
            throw new InvalidDataException($"genesis wasm.steps[{index}] refers to ${{{m.Groups[1].Value}}}, which no earlier step defines");
        });

    private static string Str(JsonObject o, string field) =>
        o[field]?.GetValue<string>() ?? throw new InvalidOperationException($"missing \"{field}\"");

    private static IReadOnlyList<Coin> Funds(JsonObject o) =>
        Coins.Normalize((o["funds"]?.AsArray() ?? []).Select(c =>
            new Coin(c!["denom"]!.GetValue<string>(), Coin.TryParseAmount(c["amount"]!.GetValue<string>(), out var a) ? a : throw new FormatException("bad amount"))));
}
