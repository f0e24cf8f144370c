using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Execution;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;
using MirrorChain.Tx.Proto.Cosmos.Auth.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;

namespace MirrorChain.Cli;

/// <summary>mirrorchain tx bank send / tx wasm execute: build, sign with the keyring key, broadcast.</summary>
public static class TxCommands
{
    public static Task<int> BankSendAsync(HomeLayout home, string from, string to, string amount, TxFlags flags, TextWriter output, CancellationToken ct)
    {
        var key = new Keyring(home.Keyring).Get(from);
        var recipient = ParseAddress(to, "recipient");
        var coins = Coins.Parse(amount);
        if (coins.Count == 0)
        {
            throw new FormatException("amount must name at least one coin, e.g. 1000000uluna");
        }
        return SignAndBroadcastAsync(key, [new MsgSend(key.Address, recipient, coins)], flags, output, ct);
    }

    public static Task<int> WasmExecuteAsync(HomeLayout home, string from, string contract, string json, string? amount, TxFlags flags, TextWriter output, CancellationToken ct)
    {
        var key = new Keyring(home.Keyring).Get(from);
        var contractAddress = ParseAddress(contract, "contract");
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the execute message is not valid JSON: {e.Message}");
        }
        var funds = string.IsNullOrEmpty(amount) ? [] : Coins.Parse(amount);
        return SignAndBroadcastAsync(key, [new MsgExecuteContract(key.Address, contractAddress, Encoding.UTF8.GetBytes(json), funds)], flags, output, ct);
    }

    private static Address ParseAddress(string text, string what) =>
        Address.TryParse(text, out var a, out var error) ? a! : throw new FormatException($"invalid {what} address {text}: {error}");

    private static async Task<int> SignAndBroadcastAsync(KeyInfo key, IReadOnlyList<ITxMessage> messages, TxFlags flags, TextWriter output, CancellationToken ct)
    {
        using var rpc = new RpcClient(flags.Node);
        var chainId = flags.ChainId ?? (await rpc.CallAsync("status", [], ct).ConfigureAwait(false))["node_info"]!["network"]!.GetValue<string>();
        var (accountNumber, sequence) = await QueryAccountAsync(rpc, key.Address, ct).ConfigureAwait(false);

        ulong gas;
        if (flags.Gas == "auto")
        {
            var simTx = TxBuilder.ForSimulation(messages, key.PublicKey, sequence, flags.Memo);
            var sim = SimulateResponse.Parser.ParseFrom(await rpc.QueryAsync("/cosmos.tx.v1beta1.Service/Simulate",
                new SimulateRequest { TxBytes = ByteString.CopyFrom(simTx) }.ToByteArray(), ct).ConfigureAwait(false));
            gas = ScaleGas(sim.GasInfo.GasUsed, flags.GasAdjustment);
        }
        else if (!ulong.TryParse(flags.Gas, NumberStyles.None, CultureInfo.InvariantCulture, out gas) || gas == 0)
        {
            throw new FormatException($"--gas must be \"auto\" or a positive integer, got {flags.Gas}");
        }
        var fee = flags.Fees is not null
            ? Coins.Parse(flags.Fees)
            : [FeeFor(GasPrice.Parse(flags.GasPrices), gas)];
        var built = TxBuilder.Sign(new TxSpec
        {
            Messages = messages,
            Fee = fee,
            GasLimit = gas,
            Memo = flags.Memo,
            ChainId = chainId,
            AccountNumber = accountNumber,
            Sequence = sequence,
        }, key.ToPrivateKey());

        var check = await rpc.CallAsync("broadcast_tx_sync", new JsonObject { ["tx"] = Convert.ToBase64String(built.TxBytes) }, ct).ConfigureAwait(false);
        var code = check["code"]?.GetValue<long>() ?? 0;
        output.WriteLine($"txhash: {built.HashHex}");
        if (code != 0)
        {
            output.WriteLine($"code: {code}");
            output.WriteLine($"codespace: {check["codespace"]}");
            output.WriteLine($"raw_log: {check["log"]}");
            return 1;
        }
        if (flags.BroadcastMode == "sync")
        {
            output.WriteLine("code: 0 (accepted into the mempool; see: mirrorchain query tx " + built.HashHex + ")");
            return 0;
        }
        return await WaitForTxAsync(rpc, built.HashHex, output, ct).ConfigureAwait(false);
    }

    private static async Task<int> WaitForTxAsync(RpcClient rpc, string hashHex, TextWriter output, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var found = await rpc.CallAsync("tx_search", new JsonObject { ["query"] = $"tx.hash='{hashHex}'", ["page"] = "1" }, ct).ConfigureAwait(false);
            if (found["txs"] is JsonArray { Count: > 0 } txs)
            {
                var tx = txs[0]!;
                var result = tx["tx_result"]!;
                var code = result["code"]?.GetValue<long>() ?? 0;
                output.WriteLine($"height: {tx["height"]}");
                output.WriteLine($"code: {code}");
                if (code != 0)
                {
                    output.WriteLine($"codespace: {result["codespace"]}");
                }
                output.WriteLine($"raw_log: {result["log"]}");
                output.WriteLine($"gas_wanted: {result["gas_wanted"]}");
                output.WriteLine($"gas_used: {result["gas_used"]}");
                return code == 0 ? 0 : 1;
            }
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
        output.WriteLine("error: the tx was accepted but not committed within 60 s");
        return 1;
    }

    internal static async Task<(ulong Number, ulong Sequence)> QueryAccountAsync(RpcClient rpc, Address address, CancellationToken ct)
    {
        byte[] value;
        try
        {
            value = await rpc.QueryAsync("/cosmos.auth.v1beta1.Query/Account",
                new QueryAccountRequest { Address = address.ToString() }.ToByteArray(), ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.Message.Contains("NotFound", StringComparison.Ordinal))
        {
            throw new RpcException($"account {address} does not exist on chain; send it some tokens first");
        }
        var any = QueryAccountResponse.Parser.ParseFrom(value).Account;
        var account = any.TypeUrl.EndsWith("ModuleAccount", StringComparison.Ordinal)
            ? ModuleAccount.Parser.ParseFrom(any.Value).BaseAccount
            : BaseAccount.Parser.ParseFrom(any.Value);
        return (account.AccountNumber, account.Sequence);
    }

    /// <summary>ceil(gasUsed × adjustment) with the adjustment as a decimal string, integer math only.</summary>
    internal static ulong ScaleGas(ulong gasUsed, string adjustment)
    {
        var factor = GasPrice.Parse(adjustment + "ugas");
        return checked((ulong)factor.RequiredFee(gasUsed));
    }

    private static Coin FeeFor(GasPrice price, ulong gas) => new(price.Denom, price.RequiredFee(gas));
}
