using System.Text.Json;
using Google.Protobuf;
using MirrorChain.Abci.Proto;
using MirrorChain.Core;
using MirrorChain.Node;
using MirrorChain.Rpc;
using MirrorChain.Tx;

namespace MirrorChain.Abci;

/// <summary>
/// MirrorChain as a CometBFT 0.38 ABCI 2.0 application: the same <see cref="ChainNode"/> execution and atomic
/// commit as the devnet's own block producer, driven by CometBFT's calls instead. FinalizeBlock executes the
/// decided block over a cache and stages its batch; Commit writes it; nothing is persisted in between, so a crash
/// after FinalizeBlock leaves the app one block behind and CometBFT's handshake replays that block. CheckTx runs
/// against the node's pending state without its own mempool (CometBFT keeps it). Query answers exactly what the
/// JSON-RPC <c>abci_query</c> answers.
/// </summary>
public sealed class MirrorAbciApplication : IAbciApplication, IDisposable
{
    /// <summary>The version reported by Info.</summary>
    public const string Version = "mirrorchain/abci-2.0";

    private static readonly DecodeOptions ProposalDecode = new();

    private readonly ChainNode _node;
    private readonly IRpcBackend _queries;
    private readonly Action<string>? _log;
    private readonly Lock _gate = new();
    private PendingBlock? _finalized;
    private int _finalizedBy;

    public MirrorAbciApplication(ChainNode node, IRpcBackend queries, Action<string>? log = null)
    {
        _node = node;
        _queries = queries;
        _log = log;
        _appVersion = GenesisAppVersion(node.Genesis.RawJson);
    }

    private readonly ulong _appVersion;

    /// <summary><c>consensus_params.version.app</c> of the genesis (a string or number; 0 when absent): Info reports it, as CometBFT expects the block version's app field to match.</summary>
    public static ulong GenesisAppVersion(string genesisJson)
    {
        using var doc = JsonDocument.Parse(genesisJson);
        if (doc.RootElement.TryGetProperty("consensus_params", out var cp) && cp.TryGetProperty("version", out var v) && v.TryGetProperty("app", out var app))
        {
            return app.ValueKind == JsonValueKind.String ? ulong.Parse(app.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : app.GetUInt64();
        }
        return 0;
    }

    public Response Handle(Request request, int connectionId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ValueCase switch
        {
            Request.ValueOneofCase.Info => new Response { Info = Info() },
            Request.ValueOneofCase.InitChain => new Response { InitChain = InitChain(request.InitChain) },
            Request.ValueOneofCase.Query => new Response { Query = Query(request.Query) },
            Request.ValueOneofCase.CheckTx => new Response { CheckTx = CheckTx(request.CheckTx) },
            Request.ValueOneofCase.PrepareProposal => new Response { PrepareProposal = PrepareProposal(request.PrepareProposal) },
            Request.ValueOneofCase.ProcessProposal => new Response { ProcessProposal = ProcessProposal(request.ProcessProposal) },
            Request.ValueOneofCase.ExtendVote => new Response { ExtendVote = new ResponseExtendVote() },
            Request.ValueOneofCase.VerifyVoteExtension => new Response { VerifyVoteExtension = VerifyVoteExtension(request.VerifyVoteExtension) },
            Request.ValueOneofCase.FinalizeBlock => new Response { FinalizeBlock = FinalizeBlock(request.FinalizeBlock, connectionId) },
            Request.ValueOneofCase.Commit => new Response { Commit = Commit() },
            Request.ValueOneofCase.ListSnapshots => new Response { ListSnapshots = new ResponseListSnapshots() },
            Request.ValueOneofCase.OfferSnapshot => new Response { OfferSnapshot = new ResponseOfferSnapshot { Result = ResponseOfferSnapshot.Types.Result.Reject } },
            Request.ValueOneofCase.LoadSnapshotChunk => new Response { LoadSnapshotChunk = new ResponseLoadSnapshotChunk() },
            Request.ValueOneofCase.ApplySnapshotChunk => new Response { ApplySnapshotChunk = new ResponseApplySnapshotChunk { Result = ResponseApplySnapshotChunk.Types.Result.Abort } },
            _ => throw new InvalidOperationException($"unsupported ABCI request {request.ValueCase}"),
        };
    }

    /// <summary>The handshake: the last committed height and its app hash (empty before the first block, as InitChain has not run for CometBFT yet).</summary>
    private ResponseInfo Info()
    {
        var height = _node.LatestHeight;
        return new ResponseInfo
        {
            Data = "mirrorchain",
            Version = Version,
            AppVersion = _appVersion,
            LastBlockHeight = height,
            LastBlockAppHash = height == 0 ? ByteString.Empty : ByteString.CopyFrom(_node.LatestAppHash),
        };
    }

    /// <summary>
    /// The node opened its home's genesis already (state version 0); InitChain checks that CometBFT's genesis is the
    /// same chain (chain id, initial height, app_state, block limits) and answers the genesis app hash. Validators
    /// are taken as CometBFT sends them (the answer lists none: no change).
    /// </summary>
    private ResponseInitChain InitChain(RequestInitChain request)
    {
        var genesis = _node.Genesis;
        if (_node.LatestHeight != 0)
        {
            throw new InvalidOperationException($"InitChain on a chain already at height {_node.LatestHeight}; start CometBFT with the home it ran with, or reset both");
        }
        if (request.ChainId != genesis.ChainId)
        {
            throw new InvalidOperationException($"CometBFT's genesis has chain_id '{request.ChainId}', the app's genesis '{genesis.ChainId}'");
        }
        if (request.InitialHeight != 0 && request.InitialHeight != genesis.InitialHeight)
        {
            throw new InvalidOperationException($"CometBFT's genesis has initial_height {request.InitialHeight}, the app's {genesis.InitialHeight}");
        }
        if (!request.AppStateBytes.IsEmpty && !SameJson(request.AppStateBytes.Span, genesis.AppState))
        {
            throw new InvalidOperationException("CometBFT's genesis app_state differs from the app's genesis app_state (write CometBFT's genesis with `mirrorchain init --cometbft`)");
        }
        if (request.ConsensusParams?.Block is { } block)
        {
            if (block.MaxBytes != genesis.MaxBlockBytes || block.MaxGas != genesis.MaxBlockGas)
            {
                throw new InvalidOperationException(
                    $"CometBFT's consensus_params.block (max_bytes {block.MaxBytes}, max_gas {block.MaxGas}) differ from the app's genesis ({genesis.MaxBlockBytes}, {genesis.MaxBlockGas})");
            }
        }
        return new ResponseInitChain { AppHash = ByteString.CopyFrom(_node.LatestAppHash) };
    }

    private static bool SameJson(ReadOnlySpan<byte> bytes, JsonElement expected)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes.ToArray());
            return JsonElement.DeepEquals(doc.RootElement, expected);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private ResponseQuery Query(RequestQuery request)
    {
        var r = _queries.Query(request.Path, request.Data.ToByteArray(), request.Height, request.Prove);
        var response = new ResponseQuery
        {
            Code = r.Code,
            Codespace = r.Codespace,
            Log = r.Log,
            Key = ByteString.CopyFrom(r.Key),
            Value = ByteString.CopyFrom(r.Value),
            Height = r.Height,
        };
        if (r.ProofOps is { } ops)
        {
            response.ProofOps = new ProofOps();
            foreach (var (type, key, data) in ops)
            {
                response.ProofOps.Ops.Add(new ProofOp { Type = type, Key = ByteString.CopyFrom(key), Data = ByteString.CopyFrom(data) });
            }
        }
        return response;
    }

    private ResponseCheckTx CheckTx(RequestCheckTx request) =>
        AbciConversions.ToResponseCheckTx(_node.CheckExternal(new TxEnvelope(request.Tx.ToByteArray()), request.Type == CheckTxType.Recheck));

    /// <summary>
    /// The proposer's block: CometBFT's mempool txs in order, leaving out any that cannot decode, and stopping at
    /// <c>max_tx_bytes</c> and the block gas limit (CometBFT requires the answer to fit; a tx left out stays in its mempool).
    /// </summary>
    private ResponsePrepareProposal PrepareProposal(RequestPrepareProposal request)
    {
        var response = new ResponsePrepareProposal();
        long bytes = 0;
        long gas = 0;
        foreach (var tx in request.Txs)
        {
            var gasLimit = GasLimitOrNull(tx);
            if (gasLimit is null)
            {
                continue;
            }
            var size = BlockLimits.TxSize(tx.Length);
            if (bytes + size > request.MaxTxBytes)
            {
                break;
            }
            if (_node.Genesis.MaxBlockGas >= 0 && gas + gasLimit.Value > _node.Genesis.MaxBlockGas)
            {
                continue;
            }
            bytes += size;
            gas += gasLimit.Value;
            response.Txs.Add(tx);
        }
        return response;
    }

    /// <summary>
    /// Deterministic: every correct validator answers the same for the same block. Rejects a block with a tx that
    /// cannot decode or is larger than a tx may be, or whose txs exceed the block's byte or gas limits.
    /// </summary>
    private ResponseProcessProposal ProcessProposal(RequestProcessProposal request)
    {
        var reason = InvalidProposalReason(request.Txs);
        if (reason is not null)
        {
            _log?.Invoke($"abci: rejecting the proposal for height {request.Height}: {reason}");
        }
        return new ResponseProcessProposal
        {
            Status = reason is null ? ResponseProcessProposal.Types.ProposalStatus.Accept : ResponseProcessProposal.Types.ProposalStatus.Reject,
        };
    }

    /// <summary>Why a proposed block is invalid, or null when it is valid.</summary>
    public string? InvalidProposalReason(IReadOnlyList<ByteString> txs)
    {
        ArgumentNullException.ThrowIfNull(txs);
        long bytes = 0;
        long gas = 0;
        for (var i = 0; i < txs.Count; i++)
        {
            if (GasLimitOrNull(txs[i]) is not { } gasLimit)
            {
                return $"tx {i} cannot be decoded or is over {ProposalDecode.MaxTxBytes} bytes";
            }
            bytes += BlockLimits.TxSize(txs[i].Length);
            gas += gasLimit;
        }
        if (bytes > _node.Genesis.MaxDataBytes)
        {
            return $"its txs take {bytes} bytes, more than the {_node.Genesis.MaxDataBytes} a block has for txs";
        }
        if (_node.Genesis.MaxBlockGas >= 0 && gas > _node.Genesis.MaxBlockGas)
        {
            return $"its txs want {gas} gas, more than consensus_params.block.max_gas {_node.Genesis.MaxBlockGas}";
        }
        return null;
    }

    private static long? GasLimitOrNull(ByteString tx)
    {
        if (tx.Length > ProposalDecode.MaxTxBytes)
        {
            return null;
        }
        try
        {
            var decoded = TxDecoder.Decode(tx.ToByteArray(), ProposalDecode);
            return decoded.GasLimit > long.MaxValue ? null : (long)decoded.GasLimit;
        }
        catch (SdkException)
        {
            return null;
        }
    }

    /// <summary>Vote extensions are not used: an empty one is the only valid one.</summary>
    private static ResponseVerifyVoteExtension VerifyVoteExtension(RequestVerifyVoteExtension request) => new()
    {
        Status = request.VoteExtension.IsEmpty ? ResponseVerifyVoteExtension.Types.VerifyStatus.Accept : ResponseVerifyVoteExtension.Types.VerifyStatus.Reject,
    };

    /// <summary>Executes the decided block and stages its write; the answer carries every tx result and the new app hash.</summary>
    private ResponseFinalizeBlock FinalizeBlock(RequestFinalizeBlock request, int connectionId)
    {
        lock (_gate)
        {
            if (_finalized is not null)
            {
                // CometBFT finalizes a height once, then commits; a second FinalizeBlock without Commit replaces
                // the first (nothing of it was written).
                _log?.Invoke($"abci: FinalizeBlock for height {request.Height} before Commit of height {_finalized.Block.Header.Height}; dropping the uncommitted block");
                _finalized.Dispose();
                _finalized = null;
            }
            var pending = _node.PrepareDecidedBlock(request.Height, AbciConversions.ToBlockTime(request.Time),
                request.Txs.Select(t => t.ToByteArray()).ToList(), request.ProposerAddress.ToByteArray(), request.Hash.ToByteArray());
            _finalized = pending;
            _finalizedBy = connectionId;
            var response = new ResponseFinalizeBlock { AppHash = ByteString.CopyFrom(pending.Results.AppHash) };
            foreach (var r in pending.Results.TxResults)
            {
                response.TxResults.Add(AbciConversions.ToExecTxResult(r));
            }
            return response;
        }
    }

    /// <summary>Writes the finalized block atomically; the mempool's pending state restarts from it (CometBFT rechecks next).</summary>
    private ResponseCommit Commit()
    {
        lock (_gate)
        {
            var pending = _finalized ?? throw new InvalidOperationException("Commit without a finalized block");
            _finalized = null;
            using (pending)
            {
                pending.Commit();
            }
            return new ResponseCommit { RetainHeight = 0 };
        }
    }

    public void ConnectionClosed(int connectionId)
    {
        lock (_gate)
        {
            if (_finalized is not null && _finalizedBy == connectionId)
            {
                _log?.Invoke($"abci: the consensus connection closed after FinalizeBlock of height {_finalized.Block.Header.Height} without Commit; the block is dropped (CometBFT replays it)");
                _finalized.Dispose();
                _finalized = null;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _finalized?.Dispose();
            _finalized = null;
        }
    }
}
