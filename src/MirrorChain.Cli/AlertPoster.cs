using System.Text.Json.Nodes;

namespace MirrorChain.Cli;

/// <summary>
/// <c>watch --post URL</c>: POSTs each alert's JSON object (the line <c>-o json</c> prints) to an http:// URL, one request per alert, with a timeout.
/// A failure is logged and the watcher carries on.
/// </summary>
public sealed class AlertPoster(Uri url, TimeSpan timeout, TextWriter log) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = timeout };

    /// <summary>The URL of --post: absolute http:// only (no TLS client configuration in a devnet tool).</summary>
    public static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new FormatException($"--post must be an absolute http:// URL such as http://127.0.0.1:8080/alerts, got {text}");
        }
        return uri;
    }

    /// <summary>POSTs <paramref name="alert"/>; true when the receiver answered 2xx.</summary>
    public async Task<bool> PostAsync(JsonObject alert, CancellationToken ct)
    {
        try
        {
            using var content = new StringContent(alert.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(url, content, ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }
            log.WriteLine($"watch: POST {url} answered HTTP {(int)response.StatusCode}; alert not delivered: {alert.ToJsonString()}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            var why = e is TaskCanceledException ? $"no answer within {timeout.TotalSeconds:0.###} s" : e.Message;
            log.WriteLine($"watch: POST {url} failed ({why}); alert not delivered: {alert.ToJsonString()}");
        }
        return false;
    }

    public void Dispose() => _http.Dispose();
}
