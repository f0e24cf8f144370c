using MirrorChain.Contracts.Cw20;

namespace MirrorChain.Contracts.Mirror.Tests.Collector.Fakes;

/// <summary>
/// Stand-in for mirror_gov's cw20 hook <c>deposit_reward</c> (the real Gov is not built yet): accepts only a
/// <c>receive</c> whose hook is exactly <c>{"deposit_reward":{}}</c> and records (token, sender, amount, raw hook).
/// Query <c>{"deposits":{}}</c> → <c>[{"token","sender","amount","hook"}, …]</c> in arrival order.
/// </summary>
internal sealed class FakeGov : IContract
{
    public const ulong CodeId = 911;

    public string Name => "fake_gov";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg) => new();

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var receive = Cw20ReceiveMsg.TryParse(msg) ?? throw ContractException.Generic("fake gov accepts only cw20 receive");
        if (receive.HookJson != """{"deposit_reward":{}}""")
        {
            throw ContractException.Generic("invalid cw20 hook message");
        }
        Records.Append(deps.Storage, new Deposit(info.Sender.ToString(), receive.Sender,
            receive.Amount.ToString(CultureInfo.InvariantCulture), receive.HookJson));
        return new Response().AddAttributes(("action", "deposit_reward"), ("amount", receive.Amount.ToString(CultureInfo.InvariantCulture)));
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => ContractJson.Serialize(Records.All<Deposit>(deps.Storage));

    public sealed record Deposit(string Token, string Sender, string Amount, string Hook);
}

/// <summary>An append-only list of JSON records in a fake's storage.</summary>
internal static class Records
{
    private static readonly byte[] CountKey = Encoding.UTF8.GetBytes("count");

    public static void Append<T>(IContractStorage storage, T record)
    {
        var n = Count(storage);
        storage.Set(Key(n), ContractJson.Serialize(record!));
        storage.Set(CountKey, Encoding.UTF8.GetBytes((n + 1).ToString(CultureInfo.InvariantCulture)));
    }

    public static List<T> All<T>(IReadOnlyContractStorage storage) =>
        Enumerable.Range(0, Count(storage)).Select(i => ContractJson.Deserialize<T>(storage.Get(Key(i))!, typeof(T).Name)).ToList();

    private static int Count(IReadOnlyContractStorage storage) =>
        storage.Get(CountKey) is { } b ? int.Parse(Encoding.UTF8.GetString(b), CultureInfo.InvariantCulture) : 0;

    private static byte[] Key(int i) => Encoding.UTF8.GetBytes("record:" + i.ToString("D6", CultureInfo.InvariantCulture));
}
