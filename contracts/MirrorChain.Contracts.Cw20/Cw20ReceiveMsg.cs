using System.Text;
using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Cw20;

/// <summary>
/// cw20's <c>Cw20ReceiveMsg { sender, amount, msg }</c>: what a token's <c>send</c>/<c>send_from</c> delivers to the
/// receiving contract as <c>{"receive": {"sender": "&lt;caller&gt;", "amount": "&lt;Uint128&gt;", "msg": "&lt;base64&gt;"}}</c>.
/// The receiver must check that <c>info.sender</c> is the token it expects; the token balance has already moved when
/// the hook runs. <see cref="Msg"/> holds the decoded bytes of the base64 <c>msg</c> (normally the hook's JSON).
/// Stable API for Terraswap and Mirror.
/// </summary>
public sealed record Cw20ReceiveMsg(string Sender, UInt128 Amount, byte[] Msg)
{
    /// <summary>The type name used in parse errors when no other is given.</summary>
    public const string TypeName = "cw20::receiver::Cw20ReceiveMsg";

    /// <summary>The hook payload as text (UTF-8 of <see cref="Msg"/>), e.g. <c>{"swap":{}}</c>.</summary>
    public string HookJson => Encoding.UTF8.GetString(Msg);

    /// <summary>Parses <see cref="Msg"/> as JSON; false if it is not valid JSON (a consumer maps that to its own error).</summary>
    public bool TryGetHook(out JsonElement hook)
    {
        try
        {
            using var doc = ContractJson.ParseDocument(Msg, TypeName);
            hook = doc.RootElement.Clone();
            return true;
        }
        catch (ContractException)
        {
            hook = default;
            return false;
        }
    }

    /// <summary>
    /// If <paramref name="executeMsg"/> is <c>{"receive": {...}}</c>, its parsed body; null for any other message.
    /// A receive whose body is malformed throws <see cref="ContractException"/> "Error parsing into type
    /// {typeName}: …" (what the receiver's ExecuteMsg deserialization would report).
    /// </summary>
    public static Cw20ReceiveMsg? TryParse(JsonElement executeMsg, string typeName = TypeName)
    {
        if (executeMsg.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        using var props = executeMsg.EnumerateObject();
        if (!props.MoveNext() || props.Current.Name != "receive")
        {
            return null;
        }
        var body = props.Current.Value;
        return props.MoveNext() ? null : Parse(body, typeName);
    }

    /// <summary>Parses the body of a receive variant (<c>{"sender","amount","msg"}</c>).</summary>
    public static Cw20ReceiveMsg Parse(JsonElement body, string typeName = TypeName)
    {
        var raw = ContractJson.Deserialize<RawBody>(body, typeName);
        return new Cw20ReceiveMsg(
            MsgFields.Required(raw.Sender, "sender", typeName),
            MsgFields.Required(raw.Amount, "amount", typeName),
            MsgFields.Binary(raw.Msg, "msg", typeName));
    }

    /// <summary>The JSON bytes <c>{"receive":{"sender":…,"amount":…,"msg":…}}</c> (serde's field order).</summary>
    public byte[] ToJsonBytes() => Cw20Json.Write(w =>
    {
        w.WriteStartObject("receive");
        w.WriteString("sender", Sender);
        w.WriteString("amount", Uint128Math.Format(Amount));
        w.WriteString("msg", Convert.ToBase64String(Msg));
        w.WriteEndObject();
    });

    /// <summary><c>into_cosmos_msg(contract)</c>: a WasmExecute of <see cref="ToJsonBytes"/> with no funds.</summary>
    public WasmExecute ToWasmExecute(Address contract) => new(contract, ToJsonBytes(), []);

    private sealed record RawBody(string? Sender, UInt128? Amount, string? Msg);
}
