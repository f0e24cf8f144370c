using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.LoadGen;

/// <summary>Builds and signs every tx of a round up front, so that signing is not part of any timing.</summary>
internal static class TxPresigner
{
    public const ulong BankGasLimit = 100_000;
    public static readonly Coin BankFee = new("uluna", 3000);
    public static readonly Coin SendCoin = new("uluna", 1);

    /// <summary>
    /// Signs the plans: they are grouped by sender (a sender's txs keep their order and take its sequences counting
    /// up from <see cref="SenderAccount.NextSequence"/>, which is not changed here); groups are signed in parallel.
    /// Returns one ordered list per sender, and for each plan (by index) its signed tx, whose broadcast request is
    /// already encoded with the plan's index as JSON-RPC id (unique within the round, so batch answers match by id).
    /// </summary>
    public static (IReadOnlyList<SignedTx>[] PerSender, SignedTx[] PerPlan, SenderAccount[] Senders) Sign(IReadOnlyList<TxPlan> plans, string chainId)
    {
        var groups = new List<(SenderAccount Sender, List<int> Plans)>();
        var slots = new Dictionary<SenderAccount, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < plans.Count; i++)
        {
            if (!slots.TryGetValue(plans[i].Sender, out var slot))
            {
                slot = groups.Count;
                slots[plans[i].Sender] = slot;
                groups.Add((plans[i].Sender, []));
            }
            groups[slot].Plans.Add(i);
        }
        var perSender = new IReadOnlyList<SignedTx>[groups.Count];
        var perPlan = new SignedTx[plans.Count];
        Parallel.For(0, groups.Count, g =>
        {
            var (sender, indexes) = groups[g];
            var list = new List<SignedTx>(indexes.Count);
            for (var n = 0; n < indexes.Count; n++)
            {
                var plan = plans[indexes[n]];
                var sequence = sender.NextSequence + (ulong)n;
                var built = TxBuilder.Sign(new TxSpec
                {
                    Messages = plan.Messages,
                    Fee = [plan.Fee ?? MinimumFee(plan.GasLimit)],
                    GasLimit = plan.GasLimit,
                    ChainId = chainId,
                    AccountNumber = sender.AccountNumber,
                    Sequence = sequence,
                }, sender.Key);
                var id = indexes[n];
                var signed = new SignedTx(g, sequence, built.HashHex, id, BroadcastRequest.Encode(id, built.TxBytes));
                list.Add(signed);
                perPlan[indexes[n]] = signed;
            }
            perSender[g] = list;
        });
        return (perSender, perPlan, [.. groups.Select(g => g.Sender)]);
    }

    /// <summary>The devnet's minimum fee for a gas limit: ⌈0.015 × gas⌉ uluna (genesis params.min_gas_prices).</summary>
    public static Coin MinimumFee(ulong gasLimit) => new("uluna", (UInt128)((gasLimit * 15 + 999) / 1000));

    /// <summary>A bank send of 1 uluna, fee 3000uluna, gas 100,000 (the load generator's original tx).</summary>
    public static TxPlan BankSend(SenderAccount sender, Address recipient) =>
        new(sender, [new MsgSend(sender.Key.Address, recipient, [SendCoin])], BankGasLimit, BankFee);

    /// <summary>A recipient no devnet account uses: the first 20 bytes of SHA-256("mirrorchain-loadgen recipient").</summary>
    public static Address DefaultRecipient() =>
        Address.FromBytes(Hashing.Sha256("mirrorchain-loadgen recipient"u8).AsSpan(0, 20));
}

/// <summary>One tx to sign: its sender, messages, gas limit and fee (null: the minimum fee for the gas limit).</summary>
internal sealed record TxPlan(SenderAccount Sender, IReadOnlyList<ITxMessage> Messages, ulong GasLimit, Coin? Fee = null);

/// <summary>A signing account: its key, account number (read from the node) and the next sequence it signs with.</summary>
internal sealed class SenderAccount(string name, PrivateKey key, ulong accountNumber, ulong nextSequence)
{
    public string Name { get; } = name;

    public PrivateKey Key { get; } = key;

    public Address Address { get; } = key.Address;

    public ulong AccountNumber { get; } = accountNumber;

    public ulong NextSequence { get; set; } = nextSequence;

    public override string ToString() => $"{Name} ({Address})";
}
