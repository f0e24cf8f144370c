using MirrorChain.Core.Numerics;
using MirrorChain.Storage;

namespace MirrorChain.Execution.Tests.Contracts;

/// <summary>What leaves a contract call: contract errors, chain errors and host faults only.</summary>
public sealed class ContractFailureTests
{
    [Theory]
    [InlineData(typeof(KeyNotFoundException))]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(OverflowException))]
    [InlineData(typeof(InvalidCastException))]
    [InlineData(typeof(NullReferenceException))]
    [InlineData(typeof(ArgumentException))]
    public void A_stray_dotnet_exception_inside_a_contract_becomes_a_wasm_abort(Type type)
    {
        var e = Assert.Throws<SdkException>(() => ContractRuntime.Guard<int>(SdkError.WasmExecuteFailed,
            () => throw (Exception)Activator.CreateInstance(type, "boom")!));
        Assert.Equal(SdkError.WasmExecuteFailed, e.Error);
        Assert.Equal($"Error executing Wasm: Aborted: panicked at '{type.Name}: boom': execute wasm contract failed", e.Log);
    }

    [Fact]
    public void A_json_exception_that_escapes_a_converter_is_worded_as_a_parse_error()
    {
        var e = Assert.Throws<SdkException>(() => ContractRuntime.Guard<int>(SdkError.WasmQueryFailed,
            () => throw new System.Text.Json.JsonException("missing field `denom`")));
        Assert.Equal(SdkError.WasmQueryFailed, e.Error);
        Assert.Equal("Error executing Wasm: Aborted: panicked at 'Error parsing: missing field `denom`': query wasm contract failed", e.Log);
    }

    [Fact]
    public void A_storage_fault_inside_a_contract_passes_through_as_a_host_fault()
    {
        Assert.Throws<RocksDbException>(() => ContractRuntime.Guard<int>(SdkError.WasmExecuteFailed,
            () => throw new RocksDbException("IO error: disk gone")));
        Assert.Throws<IOException>(() => ContractRuntime.Guard<int>(SdkError.WasmExecuteFailed, () => throw new IOException("read failed")));
    }

    [Fact]
    public void Out_of_gas_inside_a_contract_stays_out_of_gas()
    {
        var e = Assert.Throws<SdkException>(() => ContractRuntime.Guard<int>(SdkError.WasmExecuteFailed,
            () => throw SdkError.OutOfGas.Wrap("out of gas in location: wasm")));
        Assert.Equal(SdkError.OutOfGas, e.Error);
    }

    [Fact]
    public void Panics_and_std_errors_map_to_wasm_errors_with_their_text()
    {
        var std = Assert.Throws<SdkException>(() => ContractRuntime.Guard<int>(SdkError.WasmExecuteFailed, () => throw StdException.GenericErr("Price is too old")));
        Assert.Equal("Generic error: Price is too old: execute wasm contract failed", std.Log);
        var panic = Assert.Throws<SdkException>(() => ContractRuntime.Guard<int>(SdkError.WasmExecuteFailed, () => Uint128Math.Sub(1, 2) == 0 ? 1 : 0));
        Assert.Equal("Error executing Wasm: Aborted: panicked at 'attempt to subtract with overflow': execute wasm contract failed", panic.Log);
    }
}
