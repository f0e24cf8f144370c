using System.Diagnostics;
using Xunit.Abstractions;

namespace MirrorChain.Rpc.Tests;

/// <summary>Runs the real cosmjs 0.38.1 decoders (tests/compat/rpc-shapes.mjs) against the server with the fake backend.</summary>
public sealed class CosmjsCompatTests(ITestOutputHelper output)
{
    [NodeCompatFact]
    public async Task Cosmjs_DecodesEveryAnswer()
    {
        await using var s = await RpcTestServer.StartAsync();
        var start = new ProcessStartInfo(NodeCompatFactAttribute.NodeExecutable!, "rpc-shapes.mjs")
        {
            WorkingDirectory = NodeCompatFactAttribute.CompatDirectory!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MIRRORCHAIN_RPC"] = s.Server.BaseAddress!.ToString().TrimEnd('/');
        start.Environment["RPC_SHAPES_ACCEPTED_TX_HEX"] = Convert.ToHexString("good-tx"u8);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        var text = await stdout + await stderr;
        output.WriteLine(text);
        Assert.True(process.ExitCode == 0, text);
        Assert.Contains("rpc-shapes: PASS", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SKIP", text, StringComparison.Ordinal);
    }
}
