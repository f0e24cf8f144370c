using MirrorChain.Execution;

namespace MirrorChain.Rpc.Tests;

/// <summary>
/// A deterministic in-memory chain of 3 blocks: block 1 empty, block 2 with a bank send (ok) and a failed tx,
/// block 3 with a wasm execute; 2 txs in the mempool. Hashes other than tx hashes are byte patterns so the
/// golden JSON stays readable.
/// </summary>
internal class FakeBackend : IRpcBackend
{
    public static readonly BlockTime BaseTime = BlockTime.ParseRfc3339("2025-01-01T00:00:00Z");

    private readonly List<Block> _blocks = [];
    private readonly List<BlockResults> _results = [];
    private readonly List<IndexedTx> _txs = [];
    private readonly List<byte[]> _mempool = [Encoding.ASCII.GetBytes("mem-1"), Encoding.ASCII.GetBytes("mem-22")];
    private readonly object _lock = new();

    public FakeBackend()
    {
        AddBlock([]);
        AddBlock(
        [
            (Encoding.ASCII.GetBytes("tx-2-0"), new TxResult
            {
                Data = [0x12, 0x26],
                GasWanted = 200000,
                GasUsed = 81234,
                Events =
                [
                    new Event("tx", [new EventAttribute("acc_seq", "terra1sender/0", false)]),
                    Event.Of("message", ("action", "/cosmos.bank.v1beta1.MsgSend"), ("sender", "terra1sender"), ("module", "bank")),
                    Event.Of("transfer", ("recipient", "terra1recipient"), ("sender", "terra1sender"), ("amount", "1234567uluna")),
                ],
            }),
            (Encoding.ASCII.GetBytes("tx-2-1"), new TxResult
            {
                Code = 5,
                Codespace = "sdk",
                Log = "1uluna is smaller than 5uluna: insufficient funds",
                GasWanted = 100000,
                GasUsed = 40000,
                Events = [Event.Of("tx", ("fee", "1500uluna"), ("fee_payer", "terra1sender"))],
            }),
        ]);
        AddBlock(
        [
            (Encoding.ASCII.GetBytes("tx-3-0"), new TxResult
            {
                GasWanted = 300000,
                GasUsed = 250000,
                Events =
                [
                    Event.Of("message", ("action", "/cosmwasm.wasm.v1.MsgExecuteContract"), ("sender", "terra1other")),
                    Event.Of("wasm", ("_contract_address", "terra1contract"), ("action", "mint"), ("amount", "100")),
                ],
            }),
        ]);
    }

    public string ChainId => "mirrorchain-devnet-1";

    public string Moniker => "devnode";

    public string NodeId => "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    public byte[] ValidatorAddress { get; } = Pattern(0x11, 20);

    public byte[] ValidatorPubKey { get; } = Pattern(0x22, 32);

    public string RpcListenAddress => "tcp://127.0.0.1:26657";

    public virtual long LatestHeight
    {
        get
        {
            lock (_lock)
            {
                return _blocks.Count;
            }
        }
    }

    public long EarliestHeight => LatestHeight > 0 ? 1 : 0;

    public byte[] LatestAppHash => Pattern((byte)(0xA0 + LatestHeight), 32);

    /// <summary>A CometBFT-format genesis (cosmjs's genesis() decoder needs consensus_params, validators and app_hash).</summary>
    public virtual string GenesisJson => Genesis;

    public const string Genesis =
        """
        {"genesis_time":"2025-01-01T00:00:00Z","chain_id":"mirrorchain-devnet-1","initial_height":"1","consensus_params":{"block":{"max_bytes":"22020096","max_gas":"-1"},"evidence":{"max_age_num_blocks":"100000","max_age_duration":"172800000000000","max_bytes":"1048576"},"validator":{"pub_key_types":["ed25519"]},"version":{"app":"1"}},"validators":[{"address":"1111111111111111111111111111111111111111","pub_key":{"type":"tendermint/PubKeyEd25519","value":"IiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiI="},"power":"10","name":"devnode"}],"app_hash":"","app_state":{"bank":{"balances":[]}}}
        """;

    public int UnconfirmedTxCount
    {
        get
        {
            lock (_lock)
            {
                return _mempool.Count;
            }
        }
    }

    public long UnconfirmedTxBytes
    {
        get
        {
            lock (_lock)
            {
                return _mempool.Sum(t => (long)t.Length);
            }
        }
    }

    /// <summary>Every tx handed to BroadcastTx, in order.</summary>
    public List<byte[]> Broadcasts { get; } = [];

    /// <summary>The last (path, data, height, prove) handed to Query.</summary>
    public (string Path, byte[] Data, long Height, bool Prove)? LastQuery { get; private set; }

    /// <summary>The last (query, page, perPage, descending) handed to SearchTxs.</summary>
    public (string Query, int Page, int PerPage, bool Descending)? LastSearch { get; private set; }

    /// <summary>The devnet's one validator (as <see cref="IRpcBackend.ValidatorsAt"/>'s default); tests override it.</summary>
    public virtual IReadOnlyList<RpcValidator> ValidatorsAt(long height) =>
        [new RpcValidator(ValidatorAddress, "tendermint/PubKeyEd25519", ValidatorPubKey, 10, 0)];

    /// <summary>No signatures (unsigned blocks, as the node today); tests override it.</summary>
    public virtual IReadOnlyList<CommitSignature> CommitSignatures(long height) => [];

    public static byte[] Pattern(byte b, int length) => Enumerable.Repeat(b, length).ToArray();

    public static byte[] BlockHash(long height) => Pattern((byte)(0xB0 + height), 32);

    public Block? GetBlock(long height)
    {
        lock (_lock)
        {
            return height >= 1 && height <= _blocks.Count ? _blocks[(int)height - 1] : null;
        }
    }

    public BlockResults? GetBlockResults(long height)
    {
        lock (_lock)
        {
            return height >= 1 && height <= _results.Count ? _results[(int)height - 1] : null;
        }
    }

    public long? GetHeightByBlockHash(byte[] hash)
    {
        lock (_lock)
        {
            var i = _blocks.FindIndex(b => b.Hash.AsSpan().SequenceEqual(hash));
            return i < 0 ? null : i + 1;
        }
    }

    public IndexedTx? GetTx(byte[] hash)
    {
        lock (_lock)
        {
            return _txs.FirstOrDefault(t => t.Hash.AsSpan().SequenceEqual(hash));
        }
    }

    public TxSearchResult SearchTxs(string query, int page, int perPage, bool descending)
    {
        LastSearch = (query, page, perPage, descending);
        lock (_lock)
        {
            return TxQuery.Parse(query).Search(_txs.ToList(), page, perPage, descending);
        }
    }

    public CheckTxResult BroadcastTx(byte[] tx)
    {
        lock (_lock)
        {
            Broadcasts.Add(tx);
            if (Encoding.ASCII.GetString(tx).StartsWith("bad", StringComparison.Ordinal))
            {
                return new CheckTxResult(4, "sdk", "signature verification failed; please verify account number (0) and chain-id (mirrorchain-devnet-1): unauthorized", Hashing.TxHash(tx));
            }
            _mempool.Add(tx);
            return new CheckTxResult(0, "", "", Hashing.TxHash(tx), 200000, 0);
        }
    }

    public async Task<(CheckTxResult Check, IndexedTx? Committed)> BroadcastTxCommitAsync(byte[] tx, TimeSpan timeout, CancellationToken ct)
    {
        var check = BroadcastTx(tx);
        if (check.Code != 0)
        {
            return (check, null);
        }
        if (Encoding.ASCII.GetString(tx).StartsWith("slow", StringComparison.Ordinal))
        {
            await Task.Delay(timeout, ct);
            return (check, null);
        }
        lock (_lock)
        {
            _mempool.Remove(tx);
            var result = new TxResult { GasWanted = 200000, GasUsed = 51000, Events = [Event.Of("message", ("action", "commit"))] };
            AddBlockLocked([(tx, result)]);
            return (check, _txs[^1]);
        }
    }

    public QueryResult Query(string path, byte[] data, long height, bool prove)
    {
        LastQuery = (path, data, height, prove);
        return path switch
        {
            "/cosmos.bank.v1beta1.Query/Balance" => new QueryResult { Value = [0x0a, 0x0e, 0x0a, 0x05, 0x75, 0x6c, 0x75, 0x6e, 0x61, 0x12, 0x05, 0x31, 0x30, 0x30, 0x30, 0x30] },
            "/store/bank/key" => new QueryResult
            {
                Key = [0x01, 0x02],
                Value = [0x03],
                Height = 2,
                ProofOps = [("ics23:iavl", new byte[] { 0x01, 0x02 }, new byte[] { 0xff })],
            },
            "/throw" => throw new InvalidOperationException("backend exploded"),
            _ => new QueryResult { Code = 6, Codespace = "sdk", Log = "unknown query path: unknown request" },
        };
    }

    public IReadOnlyList<byte[]> UnconfirmedTxs(int limit)
    {
        lock (_lock)
        {
            return _mempool.Take(limit).ToList();
        }
    }

    /// <summary>Appends <paramref name="count"/> empty blocks.</summary>
    public void AddEmptyBlocks(int count)
    {
        for (var i = 0; i < count; i++)
        {
            AddBlock([]);
        }
    }

    private void AddBlock(IReadOnlyList<(byte[] Tx, TxResult Result)> txs)
    {
        lock (_lock)
        {
            AddBlockLocked(txs);
        }
    }

    private void AddBlockLocked(IReadOnlyList<(byte[] Tx, TxResult Result)> txs)
    {
        var height = _blocks.Count + 1L;
        var header = new BlockHeader
        {
            ChainId = ChainId,
            Height = height,
            Time = BaseTime.AddNanoseconds(height * 1_000_000_000L + (height == 3 ? 123_456_789 : 0)),
            LastBlockHash = height == 1 ? [] : BlockHash(height - 1),
            DataHash = Pattern((byte)(0xD0 + height), 32),
            AppHash = Pattern((byte)(0xA0 + height - 1), 32),
            LastResultsHash = height == 1 ? [] : Pattern((byte)(0xE0 + height - 1), 32),
            ProposerAddress = ValidatorAddress,
        };
        _blocks.Add(new Block(header, txs.Select(t => t.Tx).ToList(), BlockHash(height)));
        _results.Add(new BlockResults(height, txs.Select(t => t.Result).ToList(), Pattern((byte)(0xA0 + height), 32)));
        for (var i = 0; i < txs.Count; i++)
        {
            _txs.Add(new IndexedTx(Hashing.TxHash(txs[i].Tx), height, i, txs[i].Tx, txs[i].Result));
        }
    }
}
