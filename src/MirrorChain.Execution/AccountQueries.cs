using MirrorChain.State;
using MirrorChain.Tx.Proto.Cosmos.Auth.V1Beta1;

namespace MirrorChain.Execution;

public static partial class Accounts
{
    /// <summary>
    /// /cosmos.auth.v1beta1.Query/Account: the account as an Any (BaseAccount or ModuleAccount). Unknown address →
    /// code 22 "rpc error: code = NotFound desc = account &lt;addr&gt; not found: key not found" (cosmjs then
    /// returns null); malformed address → code 18.
    /// </summary>
    public static QueryAccountResponse QueryAccount(IStateReader state, QueryAccountRequest request)
    {
        var address = QueryErrors.ParseAddress(request.Address);
        var account = Get(state, address) ?? throw QueryErrors.NotFound($"account {request.Address} not found");
        return new QueryAccountResponse { Account = account.ToAny() };
    }

    /// <summary>/cosmos.auth.v1beta1.Query/Params from the chain params and the gas schedule.</summary>
    public static QueryParamsResponse QueryParams(IStateReader state, GasConfig gas) => new()
    {
        Params = new Params
        {
            MaxMemoCharacters = (ulong)ChainParams.Load(state).MaxMemoCharacters,
            TxSigLimit = 1,
            TxSizeCostPerByte = gas.TxSizeCostPerByte,
            SigVerifyCostEd25519 = 590,
            SigVerifyCostSecp256K1 = gas.SigVerifySecp256k1,
        },
    };
}
