using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace MirrorChain.CrashTest;

/// <summary>
/// One run of <c>dotnet mirrorchain.dll start</c> on a free loopback port, its output appended to a log file and
/// watched for "committed block H: … in MS ms" lines (printed right after a block with txs was written).
/// </summary>
internal sealed partial class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private long _maxLoggedHeight;
    private int _killed;
    private long _startHeight = -1;

    private NodeProcess(Process process, StreamWriter log, Uri rpc)
    {
        _process = process;
        _log = log;
        Rpc = rpc;
    }

    public Uri Rpc { get; }

    public int Pid => _process.Id;

    /// <summary>Highest height the node reported as committed on its output.</summary>
    public long MaxLoggedHeight => Interlocked.Read(ref _maxLoggedHeight);

    /// <summary>Raised on the output reader's thread for each committed-block line: height, block ms, Stopwatch time.</summary>
    public event Action<long, double, long>? BlockLogged;

    public bool HasExited => _process.HasExited;

    /// <summary>The height the node opened its database at ("mirrorchain node … at height N"), -1 before that line.</summary>
    public long StartHeight => Interlocked.Read(ref _startHeight);

    /// <summary>Waits for the start line; returns <see cref="StartHeight"/> (-1 if it did not come in time).</summary>
    public async Task<long> WaitStartHeightAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (StartHeight < 0 && Stopwatch.GetTimestamp() < deadline && !_process.HasExited)
        {
            await Task.Delay(20, ct).ConfigureAwait(false);
        }
        return StartHeight;
    }

    /// <summary>Runs <c>mirrorchain init</c> for a fresh home; throws with its output when it fails.</summary>
    public static void Init(string cli, string home, string logFile)
    {
        using var p = Process.Start(StartInfo(cli, ["init", "--home", home])) ?? throw new InvalidOperationException("cannot start dotnet");
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        File.AppendAllText(logFile, output.Result + error.Result);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"mirrorchain init failed ({p.ExitCode}): {output.Result}{error.Result}");
        }
    }

    /// <summary>Runs <c>mirrorchain replay</c>; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> ReplayAsync(string cli, string home, CancellationToken ct)
    {
        using var p = Process.Start(StartInfo(cli, ["replay", "--home", home])) ?? throw new InvalidOperationException("cannot start dotnet");
        var output = p.StandardOutput.ReadToEndAsync(ct);
        var error = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct).ConfigureAwait(false);
        return (p.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
    }

    public static NodeProcess Start(string cli, string home, string blockTime, string logFile)
    {
        var port = FreePort();
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        log.WriteLine($"--- crashtest: starting the node on 127.0.0.1:{port} ---");
        var process = new Process
        {
            StartInfo = StartInfo(cli, ["start", "--home", home, "--rpc", $"127.0.0.1:{port}", "--lcd", "off", "--block-time", blockTime]),
            EnableRaisingEvents = true,
        };
        var node = new NodeProcess(process, log, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("cannot start the node");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>
    /// Sends SIGKILL (what <see cref="Process.Kill()"/> sends on Unix) at once, without waiting; later calls do
    /// nothing. Safe from any thread.
    /// </summary>
    public void SignalKill()
    {
        if (Interlocked.Exchange(ref _killed, 1) != 0)
        {
            return;
        }
        KilledAt = Stopwatch.GetTimestamp();
        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    /// <summary>Stopwatch time of <see cref="SignalKill"/>.</summary>
    public long KilledAt { get; private set; }

    /// <summary>Waits until the process is gone; returns its exit code (137 after SIGKILL).</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        Write($"--- crashtest: node exited with code {_process.ExitCode} ---");
        return _process.ExitCode;
    }

    /// <summary>Kills without the log line, for cleanup after a failure.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: false);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        var now = Stopwatch.GetTimestamp();
        Write(line);
        var started = StartLine().Match(line);
        if (started.Success)
        {
            Interlocked.Exchange(ref _startHeight, long.Parse(started.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture));
        }
        var m = CommittedLine().Match(line);
        if (m.Success)
        {
            var height = long.Parse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            var ms = double.Parse(m.Groups[2].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            long seen;
            do
            {
                seen = Interlocked.Read(ref _maxLoggedHeight);
            }
            while (height > seen && Interlocked.CompareExchange(ref _maxLoggedHeight, height, seen) != seen);
            BlockLogged?.Invoke(height, ms, now);
        }
    }

    private void Write(string line)
    {
        lock (_logLock)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static ProcessStartInfo StartInfo(string cli, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(cli);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^mirrorchain node \S+ at height (\d+),")]
    private static partial Regex StartLine();

    [GeneratedRegex(@"^committed block (\d+): \d+ txs .* in ([0-9.]+) ms")]
    private static partial Regex CommittedLine();
}
