namespace MirrorChain.Rpc;

/// <summary>The CometBFT release this RPC imitates and its protocol constants.</summary>
public static class CometBft
{
    /// <summary><c>node_info.version</c>: must start with "0.38." for cosmjs ≥0.32 to pick its Comet38 client.</summary>
    public const string Version = "0.38.17";

    public const ulong P2PProtocol = 8;

    public const ulong BlockProtocol = 11;

    /// <summary>The reactor channel ids a CometBFT 0.38 full node advertises.</summary>
    public const string Channels = "40202122233038606100";

    /// <summary>SHA-256 of nothing: CometBFT's hash of an empty Merkle tree, used where a hash must not be empty.</summary>
    public const string EmptyHash = "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";

    public const int DefaultPerPage = 30;

    public const int MaxPerPage = 100;

    /// <summary>Most block metas one <c>blockchain</c> call returns.</summary>
    public const int MaxBlockchainMetas = 20;

    /// <summary>Longest accepted tx_search query.</summary>
    public const int MaxQueryLength = 512;
}
