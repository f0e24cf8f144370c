using System.Diagnostics;
using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.Execution.Contracts;
using MirrorChain.Node;
using MirrorChain.Sim.Invariants;
using MirrorChain.Sim.Ops;
using MirrorChain.Storage;
using MirrorChain.Tx;

namespace MirrorChain.Sim;

/// <summary>
/// The simulation engine. It builds the node the way <c>mirrorchain start</c> does (ChainNode over a store, the
/// MirrorApplication with every contract code, the devnet genesis plus generated accounts), then, block after block:
/// plans a seeded mix of txs from the committed state, signs them, submits each through <see cref="ChainNode.SubmitTx"/>
/// (CheckTx, ante, fees, sequences, mempool), produces the block at genesis time + height × step (no wall clock, no
/// timer) and checks every invariant against the committed state.
/// </summary>
public sealed class Simulation : IDisposable
{
    private readonly List<(ISimOp Op, int Cumulative)> _mix = [];
    private readonly int _totalWeight;
    private readonly HashSet<int> _busy = [];
    private readonly HashSet<string> _claims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlannedTx> _pending = new(StringComparer.Ordinal);
    private readonly GasPrice _gasPrice;

    public Simulation(SimOptions options, IReadOnlyList<ISimOp>? ops = null, IReadOnlyList<IInvariant>? invariants = null)
    {
        Options = options;
        Rng = new Random(unchecked((int)(options.Seed ^ (options.Seed >> 32))));
        Accounts = Enumerable.Range(0, options.Accounts).Select(i => SimAccount.Generated(options.Seed, i)).ToList();
        DevnetAccounts = Embedded.DevnetAccounts();
        FeederAccount = DevnetAccounts.First(a => a.Name == "test1");
        Genesis = SimGenesis.Build(Accounts);
        Store = new MemoryKeyValueStore();
        var app = NewApplication();
        Node = ChainNode.Open(Store, Genesis, app, new NodeOptions { SyncWrites = false, MempoolMaxTxs = 100_000, Moniker = "sim" });
        Deployment = new Deployment(app.GenesisContracts);
        QueryRuntime = new ContractRuntime(MirrorContractsRegistry());
        _gasPrice = GasPrice.ParseList(Genesis.AppState.GetProperty("params").GetProperty("min_gas_prices").GetString())[0];
        foreach (var a in Accounts.Concat(DevnetAccounts))
        {
            var acc = MirrorChain.Execution.Accounts.Get(Node.State.Committed, a.Address)
                ?? throw new InvalidDataException($"{a} is not in the genesis state");
            a.AccountNumber = acc.AccountNumber;
            a.Sequence = acc.Sequence;
        }
        var view = View();
        foreach (var asset in Deployment.MAssets)
        {
            var p = view.OraclePrice(Deployment.Oracle, asset.Token) ?? throw new InvalidDataException($"no genesis price for {asset.Symbol}");
            var micros = (long)(p.Price / System.Numerics.BigInteger.Pow(10, 12));
            Feeder.PriceMicros[asset.Symbol] = micros;
            Feeder.InitialMicros[asset.Symbol] = micros;
        }
        Ops = ops ?? OpCatalog.All();
        foreach (var op in Ops)
        {
            _totalWeight += op.Weight;
            _mix.Add((op, _totalWeight));
        }
        Invariants = invariants ?? InvariantCatalog.All();
        Ring = new OpRing(options.RingSize);
    }

    public SimOptions Options { get; }

    public Random Rng { get; }

    public IReadOnlyList<SimAccount> Accounts { get; }

    public IReadOnlyList<SimAccount> DevnetAccounts { get; }

    public SimAccount FeederAccount { get; }

    public GenesisDoc Genesis { get; }

    public MemoryKeyValueStore Store { get; }

    public ChainNode Node { get; }

    public Deployment Deployment { get; }

    public ContractRuntime QueryRuntime { get; }

    public IReadOnlyList<ISimOp> Ops { get; }

    public IReadOnlyList<IInvariant> Invariants { get; }

    public FeederState Feeder { get; } = new();

    public Hints Hints { get; } = new();

    public SimStats Stats { get; } = new();

    public OpRing Ring { get; }

    /// <summary>
    /// Short debt mint wrote off (per mAsset): an auction that takes all of a short position's collateral closes it
    /// and decreases the sLP only by the liquidated amount, as Mirror v2.1.4 does
    /// (contracts/mirror_mint/src/positions.rs <c>auction</c>), so the rest stays bonded in staking.
    /// </summary>
    public SortedDictionary<Address, UInt128> WrittenOffShortDebt { get; } = new();

    /// <summary>
    /// Collateral dust mint keeps (per collateral asset): a burn at the end price that leaves a position without debt and
    /// with at most 1 unit of collateral closes it and leaves that unit in mint, as Mirror v2.1.4 does
    /// (contracts/mirror_mint/src/positions.rs <c>burn</c>, "due to rounding, include 1").
    /// </summary>
    public SortedDictionary<string, UInt128> MintDust { get; } = new(StringComparer.Ordinal);

    /// <summary>App hash after each block, index 0 = height 1.</summary>
    public List<byte[]> AppHashes { get; } = [];

    public static ContractRegistry MirrorContractsRegistry() => ContractRegistry.Of(MirrorChain.Contracts.Mirror.MirrorCodes.All());

    /// <summary>The application as the CLI's AppFactory builds it.</summary>
    public static MirrorApplication NewApplication() => new(new ContractRuntime(MirrorContractsRegistry()));

    public BlockTime TimeOf(long height) => Genesis.GenesisTime.AddNanoseconds(checked(height * (long)(Options.BlockStep.Ticks * 100)));

    /// <summary>The committed state, seen at the latest block's height and time.</summary>
    public ChainView View()
    {
        var h = Node.LatestHeight;
        return new ChainView(Node.State.Committed, QueryRuntime, new BlockContext(Genesis.ChainId, h, h == 0 ? Genesis.GenesisTime : TimeOf(h)));
    }

    public bool IsBusy(SimAccount a) => _busy.Contains(a.Index);

    /// <summary>Claims a thing (a position, a poll) for one tx of the block being built; false if already claimed.</summary>
    public bool Claim(string key) => _claims.Add(key);

    /// <summary>Runs <see cref="SimOptions.Blocks"/> blocks; throws <see cref="SimFailure"/> on the first broken invariant.</summary>
    public void Run(Action<long>? progress = null)
    {
        for (var i = 0; i < Options.Blocks; i++)
        {
            Step();
            progress?.Invoke(Node.LatestHeight);
        }
        if (!Options.CheckEveryBlock)
        {
            CheckInvariants();
        }
    }

    /// <summary>Plans, submits and commits one block, then checks the invariants.</summary>
    public BlockResults Step()
    {
        var height = Node.LatestHeight + 1;
        var time = TimeOf(height);
        var ctx = new OpContext(this, new ChainView(Node.State.Committed, QueryRuntime, new BlockContext(Genesis.ChainId, height, time)), height, time);
        _busy.Clear();
        _claims.Clear();
        Stats.PlanTime.Start();
        foreach (var tx in FeederOps.PlanBlockStart(ctx))
        {
            Submit(tx, height);
        }
        for (var i = 0; i < Options.TxsPerBlock; i++)
        {
            var op = PickOp();
            PlannedTx? planned;
            try
            {
                planned = op.Plan(ctx);
            }
            catch (Exception e) when (e is not SimFailure)
            {
                Stats.PlanTime.Stop();
                throw new SimFailure(Options.Seed, height, "op planning", $"{op.Name} threw {e.GetType().Name}: {e.Message}", Ring.Items);
            }
            if (planned is null)
            {
                Stats.Count(op.Name, "skipped");
                continue;
            }
            Submit(planned, height);
        }
        var positionsBefore = ctx.Positions.ToDictionary(p => p.Idx);
        Stats.PlanTime.Stop();
        Stats.BlockTime.Start();
        var (block, results) = Node.ProduceBlock(time);
        Stats.BlockTime.Stop();
        for (var i = 0; i < block.Txs.Count; i++)
        {
            var hash = Hex.Upper(Hashing.TxHash(block.Txs[i]));
            var r = results.TxResults[i];
            Stats.TxsCommitted++;
            if (_pending.Remove(hash, out var p))
            {
                var result = r.Code == 0 ? "ok" : $"code {r.Code}";
                Stats.Count(p.Op, result, r.Code == 0 ? null : Trim(r.Log));
                if (r.Code == 0)
                {
                    Stats.TxsOk++;
                    Stats.MaxGasUsed[p.Op] = Math.Max(Stats.MaxGasUsed.GetValueOrDefault(p.Op), r.GasUsed);
                }
                Ring.Add($"h={height} {p.Op} by {p.Signer.Name}: {p.Detail} -> {result}{(r.Code == 0 ? "" : ": " + Trim(r.Log))}");
            }
        }
        TrackClosedPositions(positionsBefore, results);
        Stats.Blocks++;
        AppHashes.Add(results.AppHash);
        if (Options.CheckEveryBlock)
        {
            Stats.InvariantTime.Start();
            try
            {
                CheckInvariants();
            }
            finally
            {
                Stats.InvariantTime.Stop();
            }
        }
        return results;
    }

    /// <summary>
    /// Positions a block closed with something left over: short debt written off by an auction (its sLP stays bonded)
    /// and collateral dust left in mint by a burn at the end price. One tx per position per block (claims), so the
    /// position before the block and the tx's attributes tell the amounts.
    /// </summary>
    private void TrackClosedPositions(Dictionary<UInt128, PositionView> before, BlockResults results)
    {
        var mint = Deployment.Mint.ToString();
        foreach (var e in results.TxResults.Where(r => r.Code == 0).SelectMany(r => r.Events).Where(e => e.Type == "wasm"))
        {
            string? Attr(string k) => e.Attributes.FirstOrDefault(a => a.Key == k)?.Value;
            UInt128 Amount(string k) => Dec.ParseU(new string((Attr(k) ?? "0").TakeWhile(char.IsAsciiDigit).DefaultIfEmpty('0').ToArray()));
            var action = Attr("action");
            if (Attr("_contract_address") != mint || (action != "auction" && action != "burn") || Attr("position_idx") is not { } idxText
                || !before.TryGetValue(Dec.ParseU(idxText), out var p))
            {
                continue;
            }
            var positionKey = ChainView.MapPrefix(Deployment.Mint, "position").Concat(BigEndian(p.Idx)).ToArray();
            if (Node.State.Committed.Get(positionKey) is not null)
            {
                continue; // still open: its debt and collateral moved by exactly what the tx reports
            }
            if (action == "auction" && p.IsShort)
            {
                var liquidated = Amount("liquidated_amount");
                if (p.AssetAmount > liquidated)
                {
                    WrittenOffShortDebt[p.AssetToken] = WrittenOffShortDebt.GetValueOrDefault(p.AssetToken) + (p.AssetAmount - liquidated);
                }
            }
            else if (action == "burn" && Attr("refund_collateral_amount") is not null)
            {
                var paidOut = Amount("refund_collateral_amount") + Amount("protocol_fee");
                if (p.Collateral > paidOut)
                {
                    MintDust[p.CollateralKey] = MintDust.GetValueOrDefault(p.CollateralKey) + (p.Collateral - paidOut);
                }
            }
        }
    }

    private static byte[] BigEndian(UInt128 v)
    {
        var b = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(b, v);
        return b;
    }

    private ISimOp PickOp()
    {
        var r = Rng.Next(_totalWeight);
        foreach (var (op, cumulative) in _mix)
        {
            if (r < cumulative)
            {
                return op;
            }
        }
        return _mix[^1].Op;
    }

    /// <summary>Signs with the signer's next sequence and submits through CheckTx into the mempool.</summary>
    private void Submit(PlannedTx p, long height)
    {
        var signer = p.Signer;
        var built = TxBuilder.Sign(new TxSpec
        {
            Messages = p.Messages,
            Fee = [new Coin(_gasPrice.Denom, _gasPrice.RequiredFee(p.Gas))],
            GasLimit = p.Gas,
            ChainId = Genesis.ChainId,
            AccountNumber = signer.AccountNumber,
            Sequence = signer.Sequence,
        }, signer.Key);
        var outcome = Node.SubmitTx(built.TxBytes);
        if (signer.Index >= 0)
        {
            _busy.Add(signer.Index);
        }
        if (outcome.Code != 0)
        {
            Stats.Count(p.Op, $"check {outcome.Code}", Trim(outcome.Log));
            Ring.Add($"h={height} {p.Op} by {signer.Name}: {p.Detail} -> CheckTx code {outcome.Code}: {Trim(outcome.Log)}");
            return;
        }
        signer.Sequence++;
        _pending[built.HashHex] = p;
    }

    private static string Trim(string s) => s.Length <= 240 ? s : s[..240] + "…";

    /// <summary>Checks every invariant against the committed state; throws <see cref="SimFailure"/> on the first break.</summary>
    public void CheckInvariants()
    {
        var view = View();
        var ctx = new InvariantContext(view, Deployment, FeederAccount.Address, WrittenOffShortDebt, MintDust);
        foreach (var inv in Invariants)
        {
            var broken = inv.Check(ctx).FirstOrDefault();
            Stats.InvariantChecks++;
            if (broken is not null)
            {
                throw new SimFailure(Options.Seed, Node.LatestHeight, inv.Name, broken, Ring.Items);
            }
        }
    }

    /// <summary>Re-executes every stored block into a fresh store, as <c>mirrorchain replay</c> does.</summary>
    public Replayer.Outcome Replay()
    {
        using var target = new MemoryKeyValueStore();
        return new Replayer(Store, Genesis, NewApplication).Run(target);
    }

    public void Dispose()
    {
        Node.Dispose();
        Store.Dispose();
    }
}
