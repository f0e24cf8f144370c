using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.State;
using MirrorChain.Tx;

namespace MirrorChain.Node;

/// <summary>
/// <see cref="IRecheckScope"/> of <see cref="MirrorApplication"/>: its CheckTx is the ante handler
/// (<see cref="AnteHandler.Run"/>), which reads the chain params, the signer's account and balances, and pays the
/// fee into the fee collector. So: a signer's account and balance keys belong to that signer; the chain params
/// and the fee collector's account are global; the fee collector's balances are outcome-free (CheckTx only adds
/// fees to them: no check refuses on their value); everything else (contract storage, supply, the next account
/// number, which only a missing fee collector account would read) is outcome-free too. Txs with a timeout height
/// or timestamp depend on the block context. A change to what the ante reads must change this class (the test
/// <c>RecheckScopeTests.CheckTx_reads_only_keys_the_recheck_scope_attributes_to_the_signer_or_to_everyone</c>
/// watches it).
/// </summary>
public sealed class MirrorRecheckScope : IRecheckScope
{
    public static MirrorRecheckScope Instance { get; } = new();

    private static readonly byte[] FeeCollector = ModuleAccounts.FeeCollectorAddress.ToArray();

    public string? Owner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ReadOnlySpan<byte> k = key;
        if (k.Length >= 2 && k[0] == StateKeys.Auth && k[1] == 0x01)
        {
            // 0x01 0x01 ‖ address → account
            var address = k[2..];
            return address.SequenceEqual(FeeCollector) ? "" : AddressText(address);
        }
        if (k.Length >= 3 && k[0] == StateKeys.Bank && k[1] == 0x01 && k.Length >= 3 + k[2])
        {
            // 0x02 0x01 ‖ len ‖ address ‖ denom → balance
            var address = k.Slice(3, k[2]);
            return address.SequenceEqual(FeeCollector) ? null : AddressText(address);
        }
        return k.Length > 0 && k[0] == StateKeys.Params ? "" : null; // the chain params, and any later params key
    }

    public bool DependsOnBlockContext(TxEnvelope tx, IStateReader state)
    {
        ArgumentNullException.ThrowIfNull(tx);
        try
        {
            var decoded = tx.Decode(ChainParams.Load(state).DecodeOptions()); // the decode CheckTx made, kept by the envelope
            return decoded.TimeoutHeight > 0 || decoded.TimeoutTimestamp is not null;
        }
        catch (SdkException)
        {
            return true;
        }
    }

    // An address of another length than an account's or a contract's is no sender: "" keeps the rule safe.
    private static string AddressText(ReadOnlySpan<byte> address) =>
        address.Length is 20 or 32 ? Address.FromBytes(address).ToString() : "";
}
