namespace MirrorChain.CosmWasm;

/// <summary>
/// A code lacks an optional entry point (e.g. <c>migrate</c>): the native twin of a wasm module without that export.
/// The runtime reports it as wasmd's VM does ("Error resolving Wasm function: Missing export migrate").
/// </summary>
public sealed class MissingExportException(string export) : Exception($"Missing export {export}")
{
    public string Export { get; } = export;
}
