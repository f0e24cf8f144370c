using BenchmarkDotNet.Attributes;
using MirrorChain.Tx;

namespace MirrorChain.Benchmarks;

/// <summary>TxDecoder.Decode of a signed bank send (TxRaw → body, auth info, MsgSend, fee, stateless checks, tx hash).</summary>
[MemoryDiagnoser]
public class TxDecodeBenchmarks
{
    private readonly DecodeOptions _options = new();
    private byte[] _tx = [];

    [GlobalSetup]
    public void Setup() =>
        _tx = BenchTxs.BankSend(BenchTxs.Key(1), BenchTxs.Recipient, BenchTxs.ChainId, accountNumber: 7, sequence: 3).TxBytes;

    [Benchmark]
    public DecodedTx DecodeBankSend() => TxDecoder.Decode(_tx, _options);
}
