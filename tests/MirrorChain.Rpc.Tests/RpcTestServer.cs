namespace MirrorChain.Rpc.Tests;

/// <summary>A real Kestrel <see cref="RpcServer"/> on 127.0.0.1 with an ephemeral port, and an HttpClient for it.</summary>
internal sealed class RpcTestServer : IAsyncDisposable
{
    private readonly RpcServer _server;
    private readonly HttpClient _http;

    private RpcTestServer(RpcServer server, FakeBackend backend)
    {
        _server = server;
        Backend = backend;
        _http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public FakeBackend Backend { get; }

    public RpcServer Server => _server;

    public static async Task<RpcTestServer> StartAsync(FakeBackend? backend = null, RpcServerOptions? options = null)
    {
        backend ??= new FakeBackend();
        options ??= new RpcServerOptions();
        options = options with { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) };
        var server = new RpcServer(backend, options);
        await server.StartAsync();
        return new RpcTestServer(server, backend);
    }

    /// <summary>POSTs a raw body to "/" and returns the HTTP status and body text.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string body, string path = "/")
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(HttpStatusCode Status, string Body)> PostBytesAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync("/", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A JSON-RPC call with id 1; returns the whole response text (asserting HTTP 200).</summary>
    public async Task<string> CallAsync(string method, string paramsJson = "{}")
    {
        var (status, body) = await PostAsync($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":{{paramsJson}}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    public async Task<(HttpStatusCode Status, string Body, string? ContentType)> GetAsync(string pathAndQuery)
    {
        using var response = await _http.GetAsync(pathAndQuery);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }
}
