using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MirrorChain.Rpc.Explorer;

/// <summary>
/// The explorer's HTTP side on the LCD port: the static pages (HTML, CSS, vanilla JS embedded in this assembly, so the
/// node serves them offline and from any working directory), <c>/explorer/config.json</c> (the RPC and WebSocket
/// URLs, the relay path and the node's contract addresses) and <c>POST /explorer/rpc</c>, which answers JSON-RPC with
/// the same method table as the RPC port, so the pages need no CORS from the RPC server.
/// </summary>
internal sealed class ExplorerSite
{
    /// <summary>The path prefix everything is served under.</summary>
    public const string Prefix = ExplorerOptions.PathPrefix;

    /// <summary>The in-process JSON-RPC relay.</summary>
    public const string RpcPath = Prefix + "/rpc";

    private const string ResourcePrefix = "explorer/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json",
    };

    private readonly Dictionary<string, byte[]> _files;
    private readonly byte[] _config;
    private readonly JsonRpcProcessor _rpc;

    public ExplorerSite(IRpcBackend backend, ExplorerOptions options, ILogger logger)
    {
        _files = LoadFiles();
        _config = ConfigJson(options);
        _rpc = new JsonRpcProcessor(RpcMethodTable.Create(backend, new RpcServerOptions()), logger);
    }

    /// <summary>The names of the embedded files (<c>index.html</c>, <c>app.js</c>, …).</summary>
    public IEnumerable<string> FileNames => _files.Keys.Order(StringComparer.Ordinal);

    public static bool Matches(string rawPath) =>
        rawPath == Prefix || rawPath.StartsWith(Prefix + "/", StringComparison.Ordinal);

    /// <summary>Serves one request under <see cref="Prefix"/>; <paramref name="readBody"/> reads the body within the LCD's limit.</summary>
    public async Task HandleAsync(HttpContext ctx, string rawPath, Func<Task<byte[]>> readBody, CancellationToken ct)
    {
        var headers = ctx.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        if (rawPath == RpcPath)
        {
            if (!HttpMethods.IsPost(ctx.Request.Method))
            {
                await WriteAsync(ctx, 405, "text/plain; charset=utf-8", "POST a JSON-RPC request here\n"u8.ToArray(), ct).ConfigureAwait(false);
                return;
            }
            byte[] request;
            try
            {
                request = await readBody().ConfigureAwait(false);
            }
            catch (Lcd.LcdException e)
            {
                var error = RpcEnvelope.Error(null, RpcErrorCodes.InvalidRequest, e.Message);
                await WriteAsync(ctx, e.HttpStatus, "application/json", error, ct).ConfigureAwait(false);
                return;
            }
            var answer = await _rpc.ProcessBodyAsync(request, ct).ConfigureAwait(false);
            await WriteAsync(ctx, answer.StatusCode, answer.ContentType, answer.Body, ct).ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method))
        {
            await WriteAsync(ctx, 405, "text/plain; charset=utf-8", "Method Not Allowed\n"u8.ToArray(), ct).ConfigureAwait(false);
            return;
        }
        if (rawPath == Prefix)
        {
            headers.Location = Prefix + "/";
            await WriteAsync(ctx, 301, "text/plain; charset=utf-8", [], ct).ConfigureAwait(false);
            return;
        }
        var name = rawPath[(Prefix.Length + 1)..];
        if (name.Length == 0)
        {
            name = "index.html";
        }
        if (name == "config.json")
        {
            await WriteAsync(ctx, 200, "application/json", _config, ct).ConfigureAwait(false);
            return;
        }
        if (!_files.TryGetValue(name, out var body))
        {
            await WriteAsync(ctx, 404, "text/plain; charset=utf-8", "404 page not found\n"u8.ToArray(), ct).ConfigureAwait(false);
            return;
        }
        if (name.EndsWith(".html", StringComparison.Ordinal))
        {
            // everything the pages load or call is on this origin, except the RPC port's WebSocket
            headers.ContentSecurityPolicy = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        }
        await WriteAsync(ctx, 200, ContentTypeOf(name), body, ct).ConfigureAwait(false);
    }

    private static string ContentTypeOf(string name) =>
        ContentTypes.TryGetValue(Path.GetExtension(name), out var type) ? type : "application/octet-stream";

    private static Dictionary<string, byte[]> LoadFiles()
    {
        var assembly = typeof(ExplorerSite).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            files[resource[ResourcePrefix.Length..]] = ms.ToArray();
        }
        return files;
    }

    /// <summary><c>{"rpc", "websocket", "rpc_relay", "contracts"}</c>; contracts is <c>null</c> when the node has none or the file is not a JSON object.</summary>
    internal static byte[] ConfigJson(ExplorerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("rpc", options.RpcUrl);
            w.WriteString("websocket", options.WebSocketUrl);
            w.WriteString("rpc_relay", RpcPath);
            w.WritePropertyName("contracts");
            if (ParseObject(options.ContractsJson) is { } contracts)
            {
                contracts.WriteTo(w);
            }
            else
            {
                w.WriteNullValue();
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static JsonElement? ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(HttpContext ctx, int status, string contentType, byte[] body, CancellationToken ct)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = body.Length;
        if (body.Length > 0 && !HttpMethods.IsHead(ctx.Request.Method))
        {
            await ctx.Response.Body.WriteAsync(body, ct).ConfigureAwait(false);
        }
    }
}
