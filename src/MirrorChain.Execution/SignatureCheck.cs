using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.State;
using MirrorChain.Tx;
using MirrorChain.Tx.Amino;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;

namespace MirrorChain.Execution;

/// <summary>
/// Signature verification (SIGN_MODE_DIRECT and SIGN_MODE_LEGACY_AMINO_JSON), and the parallel pre-verification of
/// a block's signatures.
/// </summary>
public static class SignatureCheck
{
    /// <summary>
    /// secp256k1 (low-S only) over SHA-256 of the sign bytes: SIGN_MODE_DIRECT's SignDoc(body, auth_info, chain id,
    /// account number), or SIGN_MODE_LEGACY_AMINO_JSON's canonical StdSignDoc (<see cref="AminoSignDoc"/>). Any other
    /// mode, or a tx without an amino form, is false (<see cref="Failure"/> says which).
    /// </summary>
    public static bool Verify(DecodedTx tx, byte[] pubKey33, string chainId, ulong accountNumber)
    {
        Span<byte> hash = stackalloc byte[32];
        switch (tx.SignMode)
        {
            case SignMode.Direct:
                SignDocBuilder.SignHash(tx, chainId, accountNumber, hash);
                break;
            case SignMode.LegacyAminoJson:
                try
                {
                    Hashing.Sha256(AminoSignDoc.SignBytes(tx, chainId, accountNumber), hash);
                }
                catch (SdkException)
                {
                    return false; // no amino form: Failure names the reason
                }
                break;
            default:
                return false;
        }
        return Secp256k1.Verify(pubKey33, hash, tx.Signature);
    }

    /// <summary>
    /// The error for a tx whose <see cref="Verify"/> was false, code 4 as the SDK's x/auth/ante sigverify.go: a sign
    /// mode other than DIRECT and LEGACY_AMINO_JSON is named; an amino tx that has no amino form says why; an amino
    /// signature that does not match gets the SDK's amino wording (which names the sequence, part of the amino sign
    /// doc); a direct one "please verify account number (N) and chain-id (X)".
    /// </summary>
    public static SdkException Failure(DecodedTx tx, string chainId, ulong accountNumber)
    {
        ArgumentNullException.ThrowIfNull(tx);
        switch (tx.SignMode)
        {
            case SignMode.Direct:
                return SdkError.Unauthorized.Wrap(
                    $"signature verification failed; please verify account number ({accountNumber}) and chain-id ({chainId})");
            case SignMode.LegacyAminoJson:
                try
                {
                    AminoSignDoc.SignBytes(tx, chainId, accountNumber);
                }
                catch (SdkException e)
                {
                    return e;
                }
                return SdkError.Unauthorized.Wrap(
                    $"signature verification failed; please verify account number ({accountNumber}), sequence ({tx.Sequence}) and chain-id ({chainId})");
            default:
                return SdkError.Unauthorized.Wrap(
                    $"sign mode {SignModeNames.Of(tx.SignMode)} is not supported; use SIGN_MODE_DIRECT or SIGN_MODE_LEGACY_AMINO_JSON");
        }
    }

    /// <summary>
    /// The key a tx is verified with: the account's stored key, else the tx's own key when it derives to the
    /// signer's address; null when there is none (the ante then fails with code 8).
    /// </summary>
    public static byte[]? VerificationKey(DecodedTx tx, Account account)
    {
        if (account.PubKey is not null)
        {
            return account.PubKey;
        }
        return tx.PubKey is not null && AddressDerivation.AccountAddress(tx.PubKey) == tx.Signer ? tx.PubKey : null;
    }

    /// <summary>
    /// Checks every tx's signature in parallel. Pure: a sequential pass decodes each tx and looks up its signer's
    /// account number and key in <paramref name="state"/> (the state the block starts from); the crypto then runs
    /// on all cores and each answer lands at its tx's index. true = valid for that account number and key; false =
    /// invalid OR not decidable up front (undecodable tx, account created within the block, …). The block
    /// executor trusts true (account numbers and stored keys never change once set) and re-checks false itself,
    /// so the answers only save time and can never change a result.
    /// </summary>
    public static bool[] PreVerify(IReadOnlyList<byte[]> txs, IStateReader state, string chainId) =>
        PreVerifyEnvelopes(TxEnvelope.Wrap(txs), state, chainId);

    /// <summary>The same over envelopes: each tx's decode is kept in its envelope for CheckTx or execution.</summary>
    public static bool[] PreVerifyEnvelopes(IReadOnlyList<TxEnvelope> txs, IStateReader state, string chainId)
    {
        var options = ChainParams.Load(state).DecodeOptions();
        var jobs = new (DecodedTx Tx, byte[] Key, ulong Number)?[txs.Count];
        for (var i = 0; i < txs.Count; i++)
        {
            jobs[i] = Job(txs[i], options, state);
        }
        var results = new bool[txs.Count];
        if (txs.Count == 1) // one tx (CheckTx): no scheduling, no closure
        {
            results[0] = jobs[0] is { } only && Verify(only.Tx, only.Key, chainId, only.Number);
            return results;
        }
        Parallel.For(0, txs.Count, i =>
        {
            if (jobs[i] is { } job)
            {
                results[i] = Verify(job.Tx, job.Key, chainId, job.Number);
            }
        });
        return results;
    }

    /// <summary>
    /// One tx at a time with the answers of <see cref="PreVerifyEnvelopes"/>, on the calling thread: the decode
    /// options are read from <paramref name="state"/> once, here, instead of once per call (replay's verifier
    /// threads check a block's txs in chunks through one checker per block).
    /// </summary>
    public static Func<TxEnvelope, bool> Checker(IStateReader state, string chainId)
    {
        var options = ChainParams.Load(state).DecodeOptions();
        return tx => Job(tx, options, state) is { } job && Verify(job.Tx, job.Key, chainId, job.Number);
    }

    /// <summary>The decoded tx, its verification key and account number; null when undecidable up front (false).</summary>
    private static (DecodedTx Tx, byte[] Key, ulong Number)? Job(TxEnvelope envelope, DecodeOptions options, IStateReader state)
    {
        try
        {
            var tx = envelope.Decode(options);
            if (Accounts.Get(state, tx.Signer) is { } account && VerificationKey(tx, account) is { } key)
            {
                return (tx, key, account.AccountNumber);
            }
        }
        catch (SdkException)
        {
            // undecodable: the executor reports the decode error itself
        }
        return null;
    }
}
