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
        // every flag is checked before the node is asked anything
        ulong gas = 0;
        if (flags.Gas != "auto" && (!ulong.TryParse(flags.Gas, NumberStyles.None, CultureInfo.InvariantCulture, out gas) || gas == 0))
        {
            throw new FormatException($"--gas must be \"auto\" or a positive integer, got {flags.Gas}");
        }
        _ = ScaleGas(1, flags.GasAdjustment);
        var explicitFee = flags.Fees is null ? null : Coins.Parse(flags.Fees);
        var gasPrice = explicitFee is null ? GasPrice.Parse(flags.GasPrices) : (GasPrice?)null;

        using var rpc = new RpcClient(flags.Node);
        var chainId = flags.ChainId ?? (await rpc.CallAsync("status", [], ct).ConfigureAwait(false))["node_info"]!["network"]!.GetValue<string>();
        var (accountNumber, sequence) = await QueryAccountAsync(rpc, key.Address, ct).ConfigureAwait(false);

        if (flags.Gas == "auto" || flags.DryRun)
        {
            var used = await SimulateAsync(rpc, messages, key, sequence, flags.Memo, ct).ConfigureAwait(false);
            gas = ScaleGas(used, flags.GasAdjustment);
            if (flags.DryRun)
            {
                // the Cosmos CLI's --dry-run prints "gas estimate: N" (the adjusted figure it would use with --gas auto)
                if (flags.Output == OutputFormat.Json)
                {
                    Output.Print(output, new JsonObject
                    {
                        ["gas_estimate"] = gas.ToString(CultureInfo.InvariantCulture),
                        ["gas_used"] = used.ToString(CultureInfo.InvariantCulture),
                    }, OutputFormat.Json);
                }
                else
                {
                    output.WriteLine($"gas estimate: {gas.ToString(CultureInfo.InvariantCulture)} (simulated gas used {used.ToString(CultureInfo.InvariantCulture)} × --gas-adjustment {flags.GasAdjustment})");
                }
                return 0;
            }
        }
        var fee = explicitFee ?? [FeeFor(gasPrice!.Value, gas)];
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
        var result = new JsonObject { ["txhash"] = built.HashHex };
        if (code != 0)
        {
            result["code"] = code;
            result["codespace"] = check["codespace"]?.ToString();
            result["raw_log"] = check["log"]?.ToString();
            PrintResult(output, result, flags.Output);
            return 1;
        }
        if (flags.BroadcastMode == "sync")
        {
            result["code"] = 0;
            if (flags.Output == OutputFormat.Json)
            {
                PrintResult(output, result, flags.Output);
            }
            else
            {
                output.WriteLine($"txhash: {built.HashHex}");
                output.WriteLine("code: 0 (accepted into the mempool; see: mirrorchain query tx " + built.HashHex + ")");
            }
            return 0;
        }
        return await WaitForTxAsync(rpc, built.HashHex, result, flags.Output, output, ct).ConfigureAwait(false);
    }

    /// <summary>The simulated gas; a failed simulation's error carries a hint when one is known.</summary>
    private static async Task<ulong> SimulateAsync(RpcClient rpc, IReadOnlyList<ITxMessage> messages, KeyInfo key, ulong sequence, string memo, CancellationToken ct)
    {
        var simTx = TxBuilder.ForSimulation(messages, key.PublicKey, sequence, memo);
        try
        {
            var sim = SimulateResponse.Parser.ParseFrom(await rpc.QueryAsync("/cosmos.tx.v1beta1.Service/Simulate",
                new SimulateRequest { TxBytes = ByteString.CopyFrom(simTx) }.ToByteArray(), ct).ConfigureAwait(false));
            return sim.GasInfo.GasUsed;
        }
        catch (RpcException e)
        {
            var hint = GasEstimateHint(e.Message);
            throw new RpcException($"gas estimation failed: {e.Message}{(hint is null ? "" : $" (hint: {hint})")}");
        }
    }

    /// <summary>A suggestion for a simulation error the devnet commonly gives, or null.</summary>
    public static string? GasEstimateHint(string error) => error switch
    {
        _ when error.Contains("Price is too old", StringComparison.Ordinal) || error.Contains("Collateral price is too old", StringComparison.Ordinal) =>
            "the oracle price is older than 60 s: feed a price (mirrorchain feeder --once) or run the devnet with --feeder",
        _ when error.Contains("insufficient funds", StringComparison.Ordinal) =>
            "the sender lacks the coins sent or the fee: check mirrorchain query balance ADDRESS",
        _ when error.Contains("account sequence mismatch", StringComparison.Ordinal) =>
            "another tx of this account is pending: wait for the next block and retry",
        _ when error.Contains("no such contract", StringComparison.Ordinal) =>
            "no contract at that address: see mirrorchain contracts (the home's contracts.json) or query wasm list-contract-by-code",
        _ when error.Contains("Error parsing into type", StringComparison.Ordinal) || error.Contains("unknown variant", StringComparison.Ordinal) =>
            "the contract does not understand the message: see docs/contract-messages.md",
        _ => null,
    };

    private static void PrintResult(TextWriter output, JsonObject result, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            Output.Print(output, result, OutputFormat.Json);
            return;
        }
        foreach (var (k, v) in result)
        {
            output.WriteLine($"{k}: {v}");
        }
    }

    private static async Task<int> WaitForTxAsync(RpcClient rpc, string hashHex, JsonObject result, OutputFormat format, TextWriter output, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var found = await rpc.CallAsync("tx_search", new JsonObject { ["query"] = $"tx.hash='{hashHex}'", ["page"] = "1" }, ct).ConfigureAwait(false);
            if (found["txs"] is JsonArray { Count: > 0 } txs)
            {
                var tx = txs[0]!;
                var txResult = tx["tx_result"]!;
                var code = txResult["code"]?.GetValue<long>() ?? 0;
                result["height"] = tx["height"]?.ToString();
                result["code"] = code;
                if (code != 0)
                {
                    result["codespace"] = txResult["codespace"]?.ToString();
                }
                result["raw_log"] = txResult["log"]?.ToString();
                result["gas_wanted"] = txResult["gas_wanted"]?.ToString();
                result["gas_used"] = txResult["gas_used"]?.ToString();
                PrintResult(output, result, format);
                return code == 0 ? 0 : 1;
            }
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
        if (format == OutputFormat.Json)
        {
            result["error"] = "the tx was accepted but not committed within 60 s";
            PrintResult(output, result, format);
        }
        else
        {
            output.WriteLine($"txhash: {hashHex}");
            output.WriteLine("error: the tx was accepted but not committed within 60 s");
        }
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
        GasPrice factor;
        try
        {
            factor = GasPrice.Parse(adjustment + "ugas");
        }
        catch (FormatException)
        {
            throw new FormatException($"--gas-adjustment must be a decimal such as 1.4, got {adjustment}");
        }
        return checked((ulong)factor.RequiredFee(gasUsed));
    }

    private static Coin FeeFor(GasPrice price, ulong gas) => new(price.Denom, price.RequiredFee(gas));
}
