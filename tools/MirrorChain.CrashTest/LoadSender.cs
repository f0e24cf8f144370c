using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.LoadGen;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.CrashTest;

/// <summary>
/// One signing account's load: reads its account number and sequence from the committed state, then signs and
/// sends one bank send at a time with <c>broadcast_tx_commit</c>, recording each reply in the <see cref="Ledger"/>.
/// After an unanswered or refused tx it reads the sequence again. Stops when cancelled (the node was killed).
/// </summary>
internal sealed class LoadSender(string name, PrivateKey key, string chainId, Ledger ledger, int cycle, int pauseMs)
{
    public const ulong GasLimit = 100_000;
    private static readonly Coin Fee = new("uluna", 3000);
    private static readonly Coin Amount = new("uluna", 1);

    /// <summary>A recipient no devnet account uses.</summary>
    /// <summary>Where every tx of the test sends its 1 uluna (so tx_search by transfer.recipient finds them all).</summary>
    public static readonly Address Recipient = Address.FromBytes(Hashing.Sha256("mirrorchain-crashtest recipient"u8).AsSpan(0, 20));

    public string Name => name;

    public int CommittedThisCycle => Volatile.Read(ref _committed);

    public int Rejected => Volatile.Read(ref _rejected);

    public int Unanswered => Volatile.Read(ref _unanswered);

    /// <summary>The first height a reply of this cycle returned (0 before the first).</summary>
    public long FirstHeight => Interlocked.Read(ref _firstHeight);

    /// <summary>Called (on the sender's thread) right after a reply with a height arrived: the height.</summary>
    public Action<long>? OnCommitted { get; init; }

    public string? LastRejection { get; private set; }

    private int _committed;
    private int _rejected;
    private int _unanswered;
    private long _firstHeight;

    /// <summary>Sends until <paramref name="ct"/> is cancelled; failures after cancellation (the node is gone) end it quietly.</summary>
    public async Task RunAsync(JsonRpcClient rpc, CancellationToken ct)
    {
        try
        {
            await SendLoopAsync(rpc, ct).ConfigureAwait(false);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task SendLoopAsync(JsonRpcClient rpc, CancellationToken ct)
    {
        ulong accountNumber = 0, sequence = 0;
        var needAccount = true;
        while (!ct.IsCancellationRequested)
        {
            if (needAccount)
            {
                try
                {
                    (accountNumber, sequence) = await NodeQueries.AccountAsync(rpc, key.Address, ct).ConfigureAwait(false);
                    needAccount = false;
                }
                catch (Exception e) when (IsTransport(e) && !ct.IsCancellationRequested)
                {
                    await Task.Delay(100, ct).ConfigureAwait(false);
                    continue;
                }
            }
            var built = TxBuilder.Sign(new TxSpec
            {
                Messages = [new MsgSend(key.Address, Recipient, [Amount])],
                Fee = [Fee],
                GasLimit = GasLimit,
                ChainId = chainId,
                AccountNumber = accountNumber,
                Sequence = sequence,
            }, key);
            var hash = built.HashHex;
            ledger.Sending(new InFlightTx(hash, name, sequence, cycle));
            JsonElement reply;
            try
            {
                reply = await rpc.CallAsync("broadcast_tx_commit", $$"""{"tx":"{{Convert.ToBase64String(built.TxBytes)}}"}""", ct).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransport(e))
            {
                // No answer: committed or not is unknown; it stays in flight and is resolved after the restart.
                if (ct.IsCancellationRequested)
                {
                    return;
                }
                Interlocked.Increment(ref _unanswered);
                needAccount = true;
                continue;
            }
            var check = reply.GetProperty("check_tx");
            var checkCode = check.GetProperty("code").GetUInt32();
            if (checkCode != 0)
            {
                ledger.Rejected(hash);
                Interlocked.Increment(ref _rejected);
                LastRejection = $"sequence {sequence}: code {checkCode}: {check.GetProperty("log").GetString()}";
                needAccount = true;
                await Task.Delay(50, ct).ConfigureAwait(false);
                continue;
            }
            var height = NodeQueries.Int64(reply.GetProperty("height"));
            ledger.Committed(new CommittedTx(hash, name, sequence, height, -1, reply.GetProperty("tx_result").GetRawText(), cycle));
            Interlocked.CompareExchange(ref _firstHeight, height, 0);
            Interlocked.Increment(ref _committed);
            OnCommitted?.Invoke(height);
            sequence++;
            if (pauseMs > 0)
            {
                await Task.Delay(pauseMs, ct).ConfigureAwait(false);
            }
        }
    }

    private static bool IsTransport(Exception e) =>
        e is JsonRpcException or HttpRequestException or TaskCanceledException or IOException or JsonException;
}
