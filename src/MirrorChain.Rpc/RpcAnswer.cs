namespace MirrorChain.Rpc;

/// <summary>What to send back over HTTP: status code, content type and body (empty when every request was a notification).</summary>
internal readonly record struct RpcAnswer(int StatusCode, string ContentType, byte[] Body)
{
    public const string JsonType = "application/json";

    public static RpcAnswer Json(int statusCode, byte[] body) => new(statusCode, JsonType, body);
}
