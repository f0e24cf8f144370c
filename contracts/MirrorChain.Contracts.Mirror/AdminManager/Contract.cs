using System.Globalization;
using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.AdminManager;

/// <summary>
/// mirror_admin_manager (Mirror v2.1.4 = HEAD, contracts/mirror_admin_manager): the wasm admin of Mirror's contracts,
/// owned by gov. Its owner migrates contracts (<c>execute_migrations</c>, one WasmMsg::Migrate per entry, recorded),
/// authorizes an address for <c>admin_claim_period</c> seconds (<c>authorize_claim</c>), during which that address may
/// take the wasm admin role of any contract the manager administers (<c>claim_admin</c>: WasmMsg::UpdateAdmin to the
/// claimer), and hands the manager on (<c>update_owner</c>). Every failure of authority is "Unauthorized".
/// </summary>
public sealed class AdminManagerContract : IContract
{
    private const string ExecuteMsgType = "mirror_protocol::admin_manager::ExecuteMsg";
    private const string QueryMsgType = "mirror_protocol::admin_manager::QueryMsg";
    private const uint DefaultLimit = 10;
    private const uint MaxLimit = 30;

    public string Name => "mirror_admin_manager";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var m = ContractJson.Deserialize<InstantiateMsg>(msg, "mirror_protocol::admin_manager::InstantiateMsg");
        AdminManagerState.Config.Save(deps.Storage, new Config { Owner = deps.Api.AddrValidate(m.Owner).ToString(), AdminClaimPeriod = m.AdminClaimPeriod });
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary>The <c>ExecuteMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(ExecuteMsgType,
        ("update_owner", (deps, env, info, body) => UpdateOwner(deps, info, ContractJson.Deserialize<UpdateOwnerMsg>(body, ExecuteMsgType))),
        ("execute_migrations", (deps, env, info, body) => ExecuteMigrations(deps, env, info, ReadMigrations(body))),
        ("authorize_claim", (deps, env, info, body) => AuthorizeClaim(deps, env, info, ContractJson.Deserialize<AuthorizeClaimMsg>(body, ExecuteMsgType))),
        ("claim_admin", (deps, env, info, body) => ClaimAdmin(deps, env, info, ContractJson.Deserialize<ClaimAdminMsg>(body, ExecuteMsgType))));

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary>The <c>QueryMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(QueryMsgType,
        ("config", (deps, env, body) => ContractJson.Serialize(QueryConfig(deps))),
        ("migration_records", (deps, env, body) => ContractJson.Serialize(QueryMigrationRecords(deps, ContractJson.Deserialize<RecordsQuery>(body, QueryMsgType)))),
        ("auth_records", (deps, env, body) => ContractJson.Serialize(QueryAuthRecords(deps, ContractJson.Deserialize<RecordsQuery>(body, QueryMsgType)))));

    /// <summary>Owner only; the new owner is validated. Attribute action=update_owner.</summary>
    private static Response UpdateOwner(Deps deps, MessageInfo info, UpdateOwnerMsg msg)
    {
        var config = OwnedConfig(deps, info);
        AdminManagerState.Config.Save(deps.Storage, config with { Owner = deps.Api.AddrValidate(msg.Owner).ToString() });
        return new Response().AddAttribute("action", "update_owner");
    }

    /// <summary>
    /// Owner only. <c>authorized_addr</c> may claim until now + admin_claim_period (inclusive). The record is kept
    /// by its start time; the address's claim end replaces any earlier one. Attributes action, claim_start, claim_end.
    /// </summary>
    private static Response AuthorizeClaim(Deps deps, Env env, MessageInfo info, AuthorizeClaimMsg msg)
    {
        var config = OwnedConfig(deps, info);
        var addr = deps.Api.AddrValidate(msg.AuthorizedAddr);
        var start = env.Block.TimeSeconds;
        var end = start <= ulong.MaxValue - config.AdminClaimPeriod ? start + config.AdminClaimPeriod : throw new PanicException("attempt to add with overflow");
        AdminManagerState.AuthList.Save(deps.Storage, addr.Bytes.ToArray(), end);
        AdminManagerState.AuthRecords.Save(deps.Storage, IntKeys.U64(start), new AuthRecord(addr.ToString(), start, end));
        return new Response()
            .AddAttribute("action", "authorize_claim")
            .AddAttribute("claim_start", start.ToString(CultureInfo.InvariantCulture))
            .AddAttribute("claim_end", end.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// An authorized sender whose claim end has not passed takes the wasm admin role of <c>contract</c>
    /// (WasmMsg::UpdateAdmin to itself; the chain refuses it unless this manager is that contract's admin).
    /// Attributes action=claim_admin, contract.
    /// </summary>
    private static Response ClaimAdmin(Deps deps, Env env, MessageInfo info, ClaimAdminMsg msg)
    {
        var key = info.Sender.Bytes.ToArray();
        if (!AdminManagerState.AuthList.Has(deps.Storage, key) || AdminManagerState.AuthList.Load(deps.Storage, key) < env.Block.TimeSeconds)
        {
            throw AdminManagerErrors.Unauthorized();
        }
        var contract = Address.TryParse(msg.Contract, out var a, out var error)
            ? a!
            : throw ContractException.Generic($"addr_validate errored: {error}");
        return new Response()
            .AddMessage(new WasmUpdateAdmin(contract, info.Sender))
            .AddAttributes(("action", "claim_admin"), ("contract", msg.Contract));
    }

    /// <summary>
    /// Owner only. One WasmMsg::Migrate per <c>(contract, new_code_id, msg)</c>, in order; the call is recorded under
    /// the block time (executor, time, migrations). Attribute action=execute_migrations.
    /// </summary>
    private static Response ExecuteMigrations(Deps deps, Env env, MessageInfo info, IReadOnlyList<MigrationItem> migrations)
    {
        OwnedConfig(deps, info);
        var response = new Response();
        var recorded = new List<MigrationItem>();
        foreach (var m in migrations)
        {
            var contract = deps.Api.AddrValidate(m.Contract);
            response.AddMessage(new WasmMigrate(contract, m.NewCodeId, m.Msg));
            recorded.Add(m with { Contract = contract.ToString() });
        }
        var now = env.Block.TimeSeconds;
        AdminManagerState.MigrationRecords.Save(deps.Storage, IntKeys.U64(now), new MigrationRecord(info.Sender.ToString(), now, recorded));
        return response.AddAttribute("action", "execute_migrations");
    }

    private static Config OwnedConfig(Deps deps, MessageInfo info)
    {
        var config = AdminManagerState.Config.Load(deps.Storage);
        return info.Sender.ToString() == config.Owner ? config : throw AdminManagerErrors.Unauthorized();
    }

    private static ConfigResponse QueryConfig(QueryDeps deps)
    {
        var c = AdminManagerState.Config.Load(deps.Storage);
        return new ConfigResponse(c.Owner, c.AdminClaimPeriod);
    }

    /// <summary>Newest first; <c>start_after</c> (exclusive) is a time in seconds; limit 10 by default, 30 at most.</summary>
    private static AuthRecordsResponse QueryAuthRecords(QueryDeps deps, RecordsQuery q) =>
        new([.. AdminManagerState.AuthRecords.Range(deps.Storage, end: q.StartAfter is { } s ? IntKeys.U64(s) : null, descending: true)
            .Take(Limit(q)).Select(r => new AuthRecordResponse(r.Value.Address, r.Value.StartTime, r.Value.EndTime))]);

    private static MigrationRecordsResponse QueryMigrationRecords(QueryDeps deps, RecordsQuery q) =>
        new([.. AdminManagerState.MigrationRecords.Range(deps.Storage, end: q.StartAfter is { } s ? IntKeys.U64(s) : null, descending: true)
            .Take(Limit(q)).Select(r => new MigrationRecordResponse(r.Value.Executor, r.Value.Time, r.Value.Migrations))]);

    private static int Limit(RecordsQuery q) => (int)Math.Min(q.Limit ?? DefaultLimit, MaxLimit);

    /// <summary><c>migrations: Vec&lt;(String, u64, Binary)&gt;</c>: JSON tuples <c>[contract, code_id, base64]</c>.</summary>
    private static List<MigrationItem> ReadMigrations(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("migrations", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw ContractException.Parse(ExecuteMsgType, "missing field `migrations`");
        }
        var items = new List<MigrationItem>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 3 || item[0].ValueKind != JsonValueKind.String
                || !item[1].TryGetUInt64(out var codeId) || item[2].ValueKind != JsonValueKind.String)
            {
                throw ContractException.Parse(ExecuteMsgType, "invalid type: expected a tuple of size 3 (string, u64, binary)");
            }
            byte[] msg;
            try
            {
                msg = Convert.FromBase64String(item[2].GetString()!);
            }
            catch (FormatException)
            {
                throw ContractException.Parse(ExecuteMsgType, "invalid base64: " + item[2].GetString());
            }
            items.Add(new MigrationItem(item[0].GetString()!, codeId, msg));
        }
        return items;
    }
}
