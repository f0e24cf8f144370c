using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Tx;

namespace MirrorChain.Execution;

/// <summary>
/// The checks and effects every tx goes through before its messages, in this order:
/// gas limit ≤ the block's max gas (41) → tx size gas → timeout height (30) / timestamp (42) → signer account exists (9) → public key present and
/// matching the address (8) → sequence (32) → signature gas, then signature over SignDoc with this chain's id and
/// the stored account number (4) → fee ≥ minimum gas prices (13) → fee to fee_collector (5) → store the key on
/// first use and bump the sequence. The chain id is bound only through the SignDoc: a tx signed for another
/// chain fails the signature check. Simulation skips the signature and minimum-fee checks (not their gas) and
/// a missing key; CheckTx and Deliver run everything.
/// </summary>
public sealed class AnteHandler(GasConfig gasConfig)
{
    /// <summary>Bytes a real 64-byte signature adds over the empty one cosmjs simulates with.</summary>
    public const int SimulatedSignatureBytes = 64;

    public GasConfig GasConfig { get; } = gasConfig;

    /// <summary>
    /// Runs the ante on <paramref name="state"/> (a metered view over the tx cache) and returns the ante events
    /// (fee coin_spent/coin_received/transfer/message when a fee is paid, tx{fee,fee_payer}, tx{acc_seq},
    /// tx{signature}; none in CheckTx mode, whose answer has no events). Throws <see cref="SdkException"/> on the first failed check.
    /// </summary>
    public IReadOnlyList<Event> Run(DecodedTx tx, GasMeteredState state, BlockContext block, ChainParams chainParams,
        ExecutionMode mode, bool signaturePreverified = false)
    {
        var meter = state.Meter;
        var simulate = mode == ExecutionMode.Simulate;

        // Cosmos SDK x/auth/ante SetUpContextDecorator: a tx may not ask for more gas than a whole block allows
        // (consensus_params.block.max_gas; -1 = no limit). First check, so nothing is charged.
        if (chainParams.MaxBlockGas > 0 && tx.GasLimit > (ulong)chainParams.MaxBlockGas)
        {
            throw SdkError.InvalidGasLimit.Wrap($"tx gas limit {tx.GasLimit} exceeds block max gas {chainParams.MaxBlockGas}");
        }

        meter.Consume(GasConfig.TxSizeCostPerByte, (ulong)tx.Raw.Length, "txSize");
        if (simulate && tx.Signature.Length == 0)
        {
            meter.Consume(GasConfig.TxSizeCostPerByte, SimulatedSignatureBytes, "txSize");
        }

        CheckTimeouts(tx, block);

        var signer = tx.Signer;
        var account = Accounts.Get(state, signer) ?? throw SdkError.UnknownAddress.Wrap($"account {signer} not found");

        // A key stored on an account always derives to its address (only this handler stores keys, after this very
        // check), so a tx carrying the account's own stored key passes without hashing it again.
        var isStoredKey = tx.PubKey is not null && account.PubKey is not null && account.PubKey.AsSpan().SequenceEqual(tx.PubKey);
        if (tx.PubKey is not null && !isStoredKey && !AddressDerivation.DerivesTo(tx.PubKey, signer))
        {
            throw SdkError.InvalidPubKey.Wrap($"pubKey does not match signer address {signer} with signer index: 0");
        }
        var key = account.PubKey ?? tx.PubKey;
        if (key is null && !simulate)
        {
            throw SdkError.InvalidPubKey.Wrap($"pubkey on account {signer} is not set and the tx does not carry one");
        }

        if (tx.Sequence != account.Sequence)
        {
            throw SdkError.WrongSequence.Wrap($"account sequence mismatch, expected {account.Sequence}, got {tx.Sequence}");
        }

        meter.Consume(GasConfig.SigVerifySecp256k1, "ante verify: secp256k1");
        if (!simulate)
        {
            var trusted = signaturePreverified && (account.PubKey is null || tx.PubKey is null || account.PubKey.AsSpan().SequenceEqual(tx.PubKey));
            if (!trusted && !SignatureCheck.Verify(tx, key!, block.ChainId, account.AccountNumber))
            {
                throw SignatureCheck.Failure(tx, block.ChainId, account.AccountNumber);
            }
            MinimumFee.Check(tx.Fee, chainParams.MinGasPrices, tx.GasLimit);
        }

        // CheckTx answers carry no events: the same state changes, gas and errors without building them.
        var events = mode != ExecutionMode.CheckTx ? new List<Event>(7) : null; // fee transfer (4) + fee, acc_seq, signature
        if (tx.Fee.Count > 0)
        {
            try
            {
                if (events is not null)
                {
                    events.AddRange(Bank.Send(state, signer, ModuleAccounts.FeeCollectorAddress, tx.Fee));
                }
                else
                {
                    Bank.Transfer(state, signer, ModuleAccounts.FeeCollectorAddress, tx.Fee);
                }
            }
            catch (SdkException e) when (e.Error == SdkError.InsufficientFunds)
            {
                // DeductFees wraps the bank error once more: "...: insufficient funds: insufficient funds".
                throw SdkError.InsufficientFunds.Wrap(e.Log);
            }
        }
        else if (simulate)
        {
            ChargeSimulatedFee(state, signer, chainParams);
        }
        Accounts.Set(state, account with { PubKey = account.PubKey ?? tx.PubKey, Sequence = account.Sequence + 1 });
        if (events is null)
        {
            return [];
        }
        events.Add(TxEvents.Fee(tx.Fee, signer));
        events.Add(TxEvents.AccountSequence(signer, tx.Sequence));
        events.Add(TxEvents.Signature(tx.Signature));
        return events;
    }

    private static void CheckTimeouts(DecodedTx tx, BlockContext block)
    {
        if (tx.TimeoutHeight > 0 && block.Height > 0 && (ulong)block.Height > tx.TimeoutHeight)
        {
            throw SdkError.TxTimeoutHeight.Wrap($"block height: {block.Height}, timeout height: {tx.TimeoutHeight}");
        }
        if (tx.TimeoutTimestamp is { } ts)
        {
            var timeout = new BlockTime(ts.Seconds, ts.Nanos);
            if (block.Time > timeout)
            {
                throw TxErrors.TxTimeout.Wrap($"block time: {block.Time}, timeout timestamp: {timeout}");
            }
        }
    }

    /// <summary>
    /// cosmjs simulates with an empty fee, so the real tx will also pay a fee. Charge (without moving anything)
    /// the reads and writes a one-coin fee transfer in the first minimum-gas-price denom would cost, so the
    /// client's estimate × 1.3–1.75 covers the real tx. A simulated tx that does carry a fee pays the real
    /// transfer instead, so simulate and deliver of the same bytes use the same gas.
    /// </summary>
    private static void ChargeSimulatedFee(GasMeteredState state, Address payer, ChainParams chainParams)
    {
        if (chainParams.MinGasPrices.Count == 0)
        {
            return;
        }
        var denom = chainParams.MinGasPrices[0].Denom;
        foreach (var holder in new[] { payer, ModuleAccounts.FeeCollectorAddress })
        {
            var key = StateKeys.Balance(holder, denom);
            var value = state.Get(key);
            state.ChargeWrite(key, Math.Max(value?.Length ?? 0, 1));
        }
        Accounts.Exists(state, ModuleAccounts.FeeCollectorAddress);
    }
}
