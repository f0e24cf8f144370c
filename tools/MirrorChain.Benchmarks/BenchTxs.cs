using System.Globalization;
using System.Text.Json.Nodes;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Benchmarks;

/// <summary>Deterministic keys and signed bank sends shaped like the load generator's (1 uluna, fee 3000uluna, gas 100000).</summary>
internal static class BenchTxs
{
    public const string ChainId = "mirrorchain-bench-1";

    /// <summary>Gas limit of a benchmark contract tx (a swap or open_position uses well under it).</summary>
    public const ulong ContractGas = 900_000;

    /// <summary>Key i: the secret is SHA-256("mirrorchain bench key i").</summary>
    public static PrivateKey Key(int i) =>
        PrivateKey.FromBytes(Hashing.Sha256(System.Text.Encoding.UTF8.GetBytes($"mirrorchain bench key {i}")));

    public static Address Recipient { get; } =
        Address.FromBytes(Hashing.Sha256("mirrorchain bench recipient"u8).AsSpan(0, 20));

    /// <summary>
    /// <paramref name="txsPerSender"/> bank sends per sender from <paramref name="firstSequence"/> on, signed in
    /// parallel and ordered round-robin (sender 0, 1, …, then each one's next sequence), as a block holds them.
    /// </summary>
    public static IReadOnlyList<byte[]> BankSendsRoundRobin(IReadOnlyList<(PrivateKey Key, ulong AccountNumber)> senders,
        int txsPerSender, string chainId, ulong firstSequence)
    {
        var perSender = new byte[senders.Count][][];
        Parallel.For(0, senders.Count, s =>
        {
            var (key, number) = senders[s];
            perSender[s] = [.. Enumerable.Range(0, txsPerSender).Select(n =>
                BankSend(key, Recipient, chainId, number, firstSequence + (ulong)n).TxBytes)];
        });
        var txs = new List<byte[]>(senders.Count * txsPerSender);
        for (var n = 0; n < txsPerSender; n++)
        {
            for (var s = 0; s < senders.Count; s++)
            {
                txs.Add(perSender[s][n]);
            }
        }
        return txs;
    }

    /// <summary>Submits every tx through CheckTx and mempool admission; throws on the first refusal. Returns the count.</summary>
    public static int SubmitAll(Node.ChainNode node, IReadOnlyList<byte[]> txs)
    {
        foreach (var tx in txs)
        {
            var outcome = node.SubmitTx(tx);
            if (outcome.Code != 0)
            {
                throw new InvalidOperationException($"CheckTx rejected a tx: code {outcome.Code}: {outcome.Log}");
            }
        }
        return txs.Count;
    }

    public static BuiltTx BankSend(PrivateKey from, Address to, string chainId, ulong accountNumber, ulong sequence) =>
        TxBuilder.Sign(new TxSpec
        {
            Messages = [new MsgSend(from.Address, to, [new Coin("uluna", 1)])],
            Fee = [new Coin("uluna", 3000)],
            GasLimit = 100_000,
            ChainId = chainId,
            AccountNumber = accountNumber,
            Sequence = sequence,
        }, from);

    /// <summary>One MsgExecuteContract of <paramref name="msgJson"/> with <paramref name="funds"/>, gas <see cref="ContractGas"/>.</summary>
    public static BuiltTx Execute(PrivateKey from, Address contract, string msgJson, Coin[] funds, string chainId,
        ulong accountNumber, ulong sequence) =>
        TxBuilder.Sign(new TxSpec
        {
            Messages = [new MsgExecuteContract(from.Address, contract, System.Text.Encoding.UTF8.GetBytes(msgJson), funds)],
            Fee = [new Coin("uluna", 15_000)],
            GasLimit = ContractGas,
            ChainId = chainId,
            AccountNumber = accountNumber,
            Sequence = sequence,
        }, from);

    /// <summary>
    /// genesis/devnet.json with keys 0..count-1 of <see cref="Key"/> added as accounts holding 10^12 uluna and
    /// 10^12 uusd each; without the wasm deployment unless <paramref name="keepWasm"/>.
    /// </summary>
    public static string DevnetGenesisWith(int count, bool keepWasm, out PrivateKey[] keys)
    {
        var json = JsonNode.Parse(File.ReadAllText(RepoFiles.Find("genesis/devnet.json")))!;
        var appState = json["app_state"]!.AsObject();
        if (!keepWasm)
        {
            appState.Remove("wasm");
        }
        var accounts = appState["auth"]!["accounts"]!.AsArray();
        var balances = appState["bank"]!["balances"]!.AsArray();
        var generated = new PrivateKey[count];
        Parallel.For(0, count, i => generated[i] = Key(i));
        const string amount = "1000000000000";
        foreach (var key in generated)
        {
            var address = key.Address.ToString();
            accounts.Add(new JsonObject { ["address"] = address });
            balances.Add(new JsonObject
            {
                ["address"] = address,
                ["coins"] = new JsonArray(
                    new JsonObject { ["denom"] = "uluna", ["amount"] = amount },
                    new JsonObject { ["denom"] = "uusd", ["amount"] = amount }),
            });
        }
        keys = generated;
        return json.ToJsonString();
    }

    /// <summary>A Uint128 as the JSON string contracts expect.</summary>
    public static string U(UInt128 amount) => amount.ToString(CultureInfo.InvariantCulture);
}
