namespace MirrorChain.Tx;

/// <summary>The Any type URLs the chain understands (leading slash included, as clients send them).</summary>
public static class TypeUrls
{
    public const string MsgSend = "/cosmos.bank.v1beta1.MsgSend";
    public const string MsgSendResponse = "/cosmos.bank.v1beta1.MsgSendResponse";
    public const string MsgExecuteContract = "/cosmwasm.wasm.v1.MsgExecuteContract";
    public const string MsgExecuteContractResponse = "/cosmwasm.wasm.v1.MsgExecuteContractResponse";
    public const string LegacyMsgExecuteContract = "/terra.wasm.v1beta1.MsgExecuteContract";
    public const string LegacyMsgExecuteContractResponse = "/terra.wasm.v1beta1.MsgExecuteContractResponse";
    public const string Secp256k1PubKey = "/cosmos.crypto.secp256k1.PubKey";
    public const string BaseAccount = "/cosmos.auth.v1beta1.BaseAccount";
    public const string ModuleAccount = "/cosmos.auth.v1beta1.ModuleAccount";
    public const string Tx = "/cosmos.tx.v1beta1.Tx";
}
