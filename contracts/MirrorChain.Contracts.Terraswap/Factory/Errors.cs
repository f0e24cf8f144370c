namespace MirrorChain.Contracts.Terraswap.Factory;

/// <summary>terraswap_factory 2.4 error texts (all <c>StdError::generic_err</c>, displayed with "Generic error: ").</summary>
public static class FactoryErrors
{
    public const string Unauthorized = "unauthorized";

    public const string PairExists = "Pair already exists";

    public const string InstantiateMsgType = "terraswap::factory::InstantiateMsg";

    public const string ExecuteMsgType = "terraswap::factory::ExecuteMsg";

    public const string QueryMsgType = "terraswap::factory::QueryMsg";

    public const string ConfigType = "terraswap_factory::state::Config";

    public const string TmpPairInfoType = "terraswap_factory::state::TmpPairInfo";

    public const string PairInfoType = "terraswap::asset::PairInfoRaw";
}
