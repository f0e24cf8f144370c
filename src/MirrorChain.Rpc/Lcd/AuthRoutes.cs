using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Execution;
using MirrorChain.Tx;
using MirrorChain.Tx.Proto.Cosmos.Auth.V1Beta1;

namespace MirrorChain.Rpc.Lcd;

/// <summary><c>/cosmos/auth/v1beta1/…</c>: accounts (BaseAccount / ModuleAccount as proto3 JSON) and params.</summary>
internal sealed class AuthRoutes(IRpcBackend backend)
{
    public IEnumerable<LcdRoute> Routes() =>
    [
        new("GET", "/cosmos/auth/v1beta1/accounts/{address}", Account),
        new("GET", "/cosmos/auth/v1beta1/params", Params),
    ];

    private ValueTask Account(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var answer = LcdQueries.Run(backend, request, QueryRouter.AccountPath,
            new QueryAccountRequest { Address = request.Path("address") }, QueryAccountResponse.Parser);
        w.WriteStartObject();
        w.WritePropertyName("account");
        WriteAccount(w, answer.Account);
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private static void WriteAccount(Utf8JsonWriter w, Any? any)
    {
        if (any is null)
        {
            w.WriteNullValue();
            return;
        }
        if (any.TypeUrl == TypeUrls.ModuleAccount && LcdJson.TryParse(ModuleAccount.Parser, any.Value, out var module))
        {
            w.WriteStartObject();
            w.WriteString("@type", any.TypeUrl);
            w.WritePropertyName("base_account");
            WriteBaseAccountFields(w, module.BaseAccount ?? new BaseAccount(), withType: false);
            w.WriteString("name", module.Name);
            w.WriteStartArray("permissions");
            foreach (var p in module.Permissions)
            {
                w.WriteStringValue(p);
            }
            w.WriteEndArray();
            w.WriteEndObject();
            return;
        }
        if (any.TypeUrl == TypeUrls.BaseAccount && LcdJson.TryParse(BaseAccount.Parser, any.Value, out var account))
        {
            WriteBaseAccountFields(w, account, withType: true);
            return;
        }
        throw new LcdException(GrpcCode.Internal, $"unsupported account type {any.TypeUrl}");
    }

    private static void WriteBaseAccountFields(Utf8JsonWriter w, BaseAccount account, bool withType)
    {
        w.WriteStartObject();
        if (withType)
        {
            w.WriteString("@type", TypeUrls.BaseAccount);
        }
        w.WriteString("address", account.Address);
        LcdJson.WritePubKey(w, "pub_key", account.PubKey);
        w.WriteUInt64String("account_number", account.AccountNumber);
        w.WriteUInt64String("sequence", account.Sequence);
        w.WriteEndObject();
    }

    private ValueTask Params(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var p = LcdQueries.Run(backend, request, QueryRouter.AuthParamsPath, new QueryParamsRequest(), QueryParamsResponse.Parser).Params
            ?? new MirrorChain.Tx.Proto.Cosmos.Auth.V1Beta1.Params();
        w.WriteStartObject();
        w.WriteStartObject("params");
        w.WriteUInt64String("max_memo_characters", p.MaxMemoCharacters);
        w.WriteUInt64String("tx_sig_limit", p.TxSigLimit);
        w.WriteUInt64String("tx_size_cost_per_byte", p.TxSizeCostPerByte);
        w.WriteUInt64String("sig_verify_cost_ed25519", p.SigVerifyCostEd25519);
        w.WriteUInt64String("sig_verify_cost_secp256k1", p.SigVerifyCostSecp256K1);
        w.WriteEndObject();
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }
}
