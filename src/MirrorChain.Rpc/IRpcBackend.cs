using MirrorChain.Execution;
using MirrorChain.Node;

namespace MirrorChain.Rpc;

/// <summary>
/// What the JSON-RPC server needs from the node. All reads see the last committed block.
/// Implemented by the node; the RPC layer only renders and parses.
/// </summary>
public interface IRpcBackend
{
    string ChainId { get; }

    string Moniker { get; }

    /// <summary>40-hex node id (derived from the node key).</summary>
    string NodeId { get; }

    /// <summary>20-byte validator address, and its 32-byte ed25519-style public key for status.</summary>
    byte[] ValidatorAddress { get; }

    byte[] ValidatorPubKey { get; }

    string RpcListenAddress { get; }

    /// <summary>Latest committed height (0 before the first block).</summary>
    long LatestHeight { get; }

    /// <summary>Earliest stored height (1 once a block exists, else 0).</summary>
    long EarliestHeight { get; }

    /// <summary>App hash after the latest committed block (the genesis app hash at height 0).</summary>
    byte[] LatestAppHash { get; }

    Block? GetBlock(long height);

    BlockResults? GetBlockResults(long height);

    /// <summary>Block hash → height, for block_by_hash.</summary>
    long? GetHeightByBlockHash(byte[] hash);

    /// <summary>Finds a committed tx by its hash.</summary>
    IndexedTx? GetTx(byte[] hash);

    /// <summary>
    /// Runs a CometBFT tx_search query (grammar: cond AND cond; cond = key op value). The RPC layer has already
    /// validated <paramref name="query"/> with <see cref="TxQuery.Parse"/> (reuse it, and <see cref="TxQuery.Search"/>,
    /// to evaluate). <paramref name="page"/> is 1-based and may lie past the last page: then return no txs but the
    /// true <see cref="TxSearchResult.TotalCount"/> (the RPC layer reports the page-range error).
    /// </summary>
    TxSearchResult SearchTxs(string query, int page, int perPage, bool descending);

    /// <summary>
    /// The same search with the query already parsed. The RPC layer calls this overload; the default forwards the
    /// original text to <see cref="SearchTxs(string, int, int, bool)"/>. Override it to skip the second parse.
    /// </summary>
    TxSearchResult SearchTxs(TxQuery query, int page, int perPage, bool descending) =>
        SearchTxs(query.Text, page, perPage, descending);

    /// <summary>
    /// The same search, stopping with <see cref="OperationCanceledException"/> when <paramref name="ct"/> fires (the
    /// client disconnected or the server is stopping). The RPC and LCD call this overload; the default ignores
    /// <paramref name="ct"/>.
    /// </summary>
    TxSearchResult SearchTxs(TxQuery query, int page, int perPage, bool descending, CancellationToken ct) =>
        SearchTxs(query, page, perPage, descending);

    /// <summary>CheckTx and, when accepted, admits to the mempool.</summary>
    CheckTxResult BroadcastTx(byte[] tx);

    /// <summary>CheckTx, then waits (up to <paramref name="timeout"/>) for the tx to be committed.</summary>
    Task<(CheckTxResult Check, IndexedTx? Committed)> BroadcastTxCommitAsync(byte[] tx, TimeSpan timeout, CancellationToken ct);

    /// <summary>ABCI query; <paramref name="height"/> 0 = latest.</summary>
    QueryResult Query(string path, byte[] data, long height, bool prove);

    /// <summary>The genesis document as JSON text.</summary>
    string GenesisJson { get; }

    int UnconfirmedTxCount { get; }

    long UnconfirmedTxBytes { get; }

    IReadOnlyList<byte[]> UnconfirmedTxs(int limit);

    // Members below have defaults; override them when the node knows better.

    /// <summary>abci_info <c>data</c>: the application's name.</summary>
    /// <summary>Amino type name of <see cref="ValidatorPubKey"/> in status (CometBFT supports ed25519 and secp256k1 validator keys).</summary>
    string ValidatorPubKeyType => "tendermint/PubKeyEd25519";

    string AppName => "mirrorchain";

    /// <summary>abci_info <c>version</c>: the application's software version.</summary>
    string AppVersion => "0.1.0";

    /// <summary>The ABCI app protocol version: abci_info <c>app_version</c>, status <c>protocol_version.app</c>, header <c>version.app</c>.</summary>
    ulong AppProtocolVersion => 1;

    /// <summary>status <c>validator_info.voting_power</c>.</summary>
    long ValidatorVotingPower => 10;

    /// <summary>status <c>node_info.listen_addr</c> (the P2P address CometBFT would listen on).</summary>
    string P2PListenAddress => "tcp://0.0.0.0:26656";

    /// <summary>
    /// The validator set that signs block <paramref name="height"/> (CometBFT's order: by voting power, then address).
    /// The default is the one validator of <see cref="ValidatorAddress"/>; the set never changes on this chain.
    /// </summary>
    IReadOnlyList<RpcValidator> ValidatorsAt(long height) =>
        [new RpcValidator(ValidatorAddress, ValidatorPubKeyType, ValidatorPubKey, ValidatorVotingPower, 0)];

    /// <summary>
    /// The signatures of the commit for block <paramref name="height"/>, in validator-set order: <c>commit</c> of the
    /// height and <c>last_commit</c> of the next block serve them. The default is none (an unsigned block); a node
    /// with a validator key stores one per block (docs/signed-commits.md).
    /// </summary>
    IReadOnlyList<CommitSignature> CommitSignatures(long height) => [];
}

/// <summary>One validator as CometBFT's <c>types.Validator</c> JSON: address, pub_key, voting_power, proposer_priority.</summary>
public sealed record RpcValidator(byte[] Address, string PubKeyType, byte[] PubKey, long VotingPower, long ProposerPriority);

/// <summary>CometBFT's <c>CommitSig</c>: block_id_flag (1 absent, 2 commit, 3 nil), validator address, timestamp, signature.</summary>
public sealed record CommitSignature(int BlockIdFlag, byte[] ValidatorAddress, MirrorChain.Core.BlockTime Timestamp, byte[] Signature);

/// <summary>A committed tx with its position and result.</summary>
public sealed record IndexedTx(byte[] Hash, long Height, int Index, byte[] Tx, TxResult Result);

public sealed record TxSearchResult(IReadOnlyList<IndexedTx> Txs, int TotalCount);

/// <summary>CheckTx outcome: code 0 = admitted.</summary>
public sealed record CheckTxResult(uint Code, string Codespace, string Log, byte[] Hash, long GasWanted = 0, long GasUsed = 0)
{
    /// <summary>The app's CheckTx answer for the tx with <paramref name="hash"/>.</summary>
    public static CheckTxResult From(CheckTxResponse response, byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(response.Code, response.Codespace, response.Log, hash, response.GasWanted, response.GasUsed);
    }
}

/// <summary>ABCI ResponseQuery.</summary>
public sealed record QueryResult
{
    public uint Code { get; init; }

    public string Codespace { get; init; } = "";

    public string Log { get; init; } = "";

    public byte[] Key { get; init; } = [];

    public byte[] Value { get; init; } = [];

    public long Height { get; init; }

    /// <summary>Proof ops when prove=true: (type, key, data) as CometBFT's ProofOp.</summary>
    public IReadOnlyList<(string Type, byte[] Key, byte[] Data)>? ProofOps { get; init; }
}
