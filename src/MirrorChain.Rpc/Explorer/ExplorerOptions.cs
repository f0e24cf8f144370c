namespace MirrorChain.Rpc.Explorer;

/// <summary>
/// Settings of the block explorer and Mirror dashboard served by the LCD at <c>/explorer/</c>
/// (<see cref="Lcd.LcdServerOptions.Explorer"/>; null turns it off). The pages read the chain through the LCD routes
/// and the JSON-RPC methods relayed at <c>/explorer/rpc</c>, both on the page's own origin, and follow new blocks over
/// the RPC port's <c>/websocket</c>.
/// </summary>
public sealed record ExplorerOptions
{
    /// <summary>The LCD path the explorer is served under (<c>/explorer/</c>).</summary>
    public const string PathPrefix = "/explorer";

    /// <summary>The JSON-RPC server's base URL (shown on the pages and used for nothing else): <c>http://127.0.0.1:26657</c>.</summary>
    public string RpcUrl { get; init; } = "";

    /// <summary>The RPC port's WebSocket (<c>ws://127.0.0.1:26657/websocket</c>); "" makes the pages poll instead.</summary>
    public string WebSocketUrl { get; init; } = "";

    /// <summary>The node's <c>config/contracts.json</c> text (mirror.js <c>MirrorOptions</c> shape), or null when there is none.</summary>
    public string? ContractsJson { get; init; }
}
