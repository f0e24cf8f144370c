namespace MirrorChain.Contracts.Mirror.Tests.Integration;

/// <summary>
/// A code to migrate to: its migrate entry point records the migrate message in the contract's storage (query
/// <c>{"migrated_with":{}}</c>), or fails with <c>{"fail":{}}</c>. Everything else it refuses.
/// </summary>
internal sealed class MigrationProbeContract : IContract
{
    public const ulong CodeId = 901;

    public string Name => "migration_probe";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg) => new();

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => throw ContractException.Generic("probe executes nothing");

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => deps.Storage.Get("migrated_with"u8.ToArray()) ?? "null"u8.ToArray();

    public Response Migrate(Deps deps, Env env, JsonElement msg)
    {
        if (msg.TryGetProperty("fail", out _))
        {
            throw ContractException.Generic("probe refuses to migrate");
        }
        deps.Storage.Set("migrated_with"u8.ToArray(), Encoding.UTF8.GetBytes(msg.GetRawText()));
        return new Response().AddAttribute("action", "probe_migrated");
    }
}
