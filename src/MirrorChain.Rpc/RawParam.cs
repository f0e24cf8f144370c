using System.Text.Json;

namespace MirrorChain.Rpc;

/// <summary>One raw argument: a JSON value (JSON-RPC) or the text of a URI query parameter.</summary>
internal readonly record struct RawParam(JsonElement Json, string? UriText);
