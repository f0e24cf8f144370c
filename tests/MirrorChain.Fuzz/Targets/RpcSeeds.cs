using System.Text;
using System.Text.Json;
using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

namespace MirrorChain.Fuzz.Targets;

/// <summary>Valid parameter values for every JSON-RPC argument name, from the devnet world (JSON-body and URI forms).</summary>
internal static class RpcSeeds
{
    public static Dictionary<string, string[]> BodyValues(DevnetWorld w)
    {
        var txHash = Hashing.TxHash(w.SendTx);
        var balance = new QueryBalanceRequest { Address = w.Keys["test1"].Address.ToString(), Denom = "uusd" }.ToByteArray();
        var smart = new QuerySmartContractStateRequest
        {
            Address = w["oracle"].ToString(),
            QueryData = ByteString.CopyFrom(Encoding.UTF8.GetBytes("{\"price\":{\"base_asset\":\"" + w["mTSLA"] + "\",\"quote_asset\":\"uusd\"}}")),
        }.ToByteArray();
        return new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["path"] = ["\"/cosmos.bank.v1beta1.Query/Balance\"", "\"/cosmwasm.wasm.v1.Query/SmartContractState\"", "\"/cosmos.auth.v1beta1.Query/Account\"", "\"/cosmos.tx.v1beta1.Service/Simulate\""],
            ["data"] = [Json(Convert.ToHexString(balance)), Json(Convert.ToHexString(smart))],
            ["height"] = ["\"1\"", "\"0\"", "1"],
            ["prove"] = ["false", "true"],
            ["hash"] = [Json(Convert.ToBase64String(txHash)), Json(Convert.ToHexString(txHash))],
            ["tx"] = [Json(Convert.ToBase64String(w.SendTx)), Json(Convert.ToBase64String(w.ExecuteTx))],
            ["query"] = ["\"tx.height=1\"", Json($"message.sender='{w.Keys["test1"].Address}'"), "\"wasm._contract_address EXISTS\""],
            ["page"] = ["\"1\""],
            ["per_page"] = ["\"30\""],
            ["order_by"] = ["\"asc\"", "\"desc\""],
            ["minHeight"] = ["\"1\""],
            ["maxHeight"] = ["\"2\""],
            ["limit"] = ["\"30\""],
        };
    }

    /// <summary>URI query values as CometBFT's URI form writes them: strings quoted, bytes as 0x hex, numbers bare.</summary>
    public static Dictionary<string, string[]> UriValues(DevnetWorld w)
    {
        var txHash = Hashing.TxHash(w.SendTx);
        return new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["path"] = ["\"/cosmos.bank.v1beta1.Query/Balance\"", "\"/cosmwasm.wasm.v1.Query/SmartContractState\""],
            ["data"] = ["0x" + Convert.ToHexString(new QueryBalanceRequest { Address = w.Keys["test1"].Address.ToString(), Denom = "uusd" }.ToByteArray())],
            ["height"] = ["1", "0"],
            ["prove"] = ["false", "true"],
            ["hash"] = ["0x" + Convert.ToHexString(txHash)],
            ["tx"] = ["0x" + Convert.ToHexString(w.SendTx)],
            ["query"] = ["\"tx.height=1\"", "\"tx.height>=1 AND tx.height<=3\""],
            ["page"] = ["1"],
            ["per_page"] = ["30"],
            ["order_by"] = ["\"asc\""],
            ["minHeight"] = ["1"],
            ["maxHeight"] = ["2"],
            ["limit"] = ["30"],
        };
    }

    private static string Json(string s) => JsonSerializer.Serialize(s);
}
