using System.Text.Json;

namespace MirrorChain.CosmWasm;

/// <summary>
/// A contract's code, as CosmWasm entry points: instantiate, execute, query, reply. Implementations are stateless;
/// all state goes through <see cref="Deps.Storage"/>. Errors are <see cref="ContractException"/>s whose message is
/// the contract's exact error text (Mirror's and Terraswap's strings), which the runtime surfaces in the tx log.
/// </summary>
public interface IContract
{
    /// <summary>The crate name (e.g. "cw20_base", "terraswap_pair", "mirror_mint"): the contract info label prefix.</summary>
    string Name { get; }

    Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg);

    Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg);

    /// <summary>Returns the JSON answer (UTF-8 bytes), as CosmWasm's <c>to_binary(&amp;answer)</c>.</summary>
    byte[] Query(QueryDeps deps, Env env, JsonElement msg);

    /// <summary>
    /// The migrate entry point, run after the chain switched a contract to this code (WasmMsg::Migrate). Optional, as
    /// in CosmWasm: a code without it fails the migration like wasmd does when the wasm has no <c>migrate</c> export.
    /// </summary>
    Response Migrate(Deps deps, Env env, JsonElement msg) => throw new MissingExportException("migrate");

    /// <summary>
    /// The Rust path of an entry point's message type (<paramref name="entryPoint"/> is "Instantiate", "Execute",
    /// "Query" or "Migrate"), named in parse errors: "Error parsing into type mirror_protocol::mint::ExecuteMsg: …".
    /// The default follows the crates' layout: mirror_X → mirror_protocol::X, terraswap_X → terraswap::X,
    /// anything else → {name}::msg.
    /// </summary>
    string MessageTypeName(string entryPoint) => Name switch
    {
        _ when Name.StartsWith("mirror_", StringComparison.Ordinal) => $"mirror_protocol::{Name["mirror_".Length..]}::{entryPoint}Msg",
        _ when Name.StartsWith("terraswap_", StringComparison.Ordinal) => $"terraswap::{Name["terraswap_".Length..]}::{entryPoint}Msg",
        _ => $"{Name}::msg::{entryPoint}Msg",
    };

    /// <summary>Handles the result of a sub-message sent with a reply id.</summary>
    Response Reply(Deps deps, Env env, Reply reply) =>
        throw new ContractException($"{Name} does not handle replies (id {reply.Id})");
}
