namespace MirrorChain.Rpc;

/// <summary>The comparison of one tx_search condition (CometBFT pubsub query grammar).</summary>
public enum TxQueryOperator
{
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Contains,
    Exists,
}
