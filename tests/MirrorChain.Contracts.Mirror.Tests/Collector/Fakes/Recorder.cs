namespace MirrorChain.Contracts.Mirror.Tests.Collector.Fakes;

/// <summary>
/// Records every execute it receives exactly as sent: (sender, message text, funds as "100uusd" strings); a cw20
/// <c>receive</c> is recorded with its hook decoded. Used where the upstream unit tests compare the collector's
/// outgoing messages literally (a pair or Anchor market address). Query <c>{"records":{}}</c>.
/// </summary>
internal sealed class Recorder : IContract
{
    public const ulong CodeId = 912;

    public string Name => "recorder";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg) => new();

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        string? hook = null;
        if (msg.TryGetProperty("receive", out var receive))
        {
            hook = Encoding.UTF8.GetString(Convert.FromBase64String(receive.GetProperty("msg").GetString()!));
        }
        Records.Append(deps.Storage, new Record(info.Sender.ToString(), msg.GetRawText(), hook, info.Funds.Select(c => c.ToString()).ToArray()));
        return new Response();
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => ContractJson.Serialize(Records.All<Record>(deps.Storage));

    public sealed record Record(string Sender, string Msg, string? Hook, string[] Funds);
}

/// <summary>
/// Stand-in for Anchor's money market <c>redeem_stable</c> hook (Anchor does not run on MirrorChain): pays
/// ⌊amount × exchange_rate⌋ uusd (rate fixed at instantiate, <c>{"exchange_rate":"1.2"}</c>) from its own balance to
/// the cw20 sender, and records the call like <see cref="Recorder"/>.
/// </summary>
internal sealed class FakeAnchorMarket : IContract
{
    public const ulong CodeId = 913;

    public string Name => "fake_anchor_market";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        deps.Storage.Set(Encoding.UTF8.GetBytes("rate"), Encoding.UTF8.GetBytes(msg.GetProperty("exchange_rate").GetString()!));
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var receive = Cw20.Cw20ReceiveMsg.TryParse(msg) ?? throw ContractException.Generic("fake anchor market accepts only cw20 receive");
        if (receive.HookJson != """{"redeem_stable":{}}""")
        {
            throw ContractException.Generic("unsupported hook");
        }
        Records.Append(deps.Storage, new Recorder.Record(info.Sender.ToString(), msg.GetRawText(), receive.HookJson, []));
        var rate = Decimal.Parse(Encoding.UTF8.GetString(deps.Storage.Get(Encoding.UTF8.GetBytes("rate"))!));
        var payout = Decimal.Mul(receive.Amount, rate);
        return new Response()
            .AddMessage(new BankSend(Address.Parse(receive.Sender), [new Coin("uusd", payout)]))
            .AddAttributes(("action", "redeem_stable"), ("redeem_amount", payout.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => ContractJson.Serialize(Records.All<Recorder.Record>(deps.Storage));
}
