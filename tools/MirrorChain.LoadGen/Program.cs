namespace MirrorChain.LoadGen;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            switch (args.Length > 0 ? args[0] : "")
            {
                case "make-genesis":
                    return ToolStartup.ReadOptions(args[1..], MakeGenesisCommand.Parse, o => o.Help, MakeGenesisCommand.Usage, out var genesisExit) is { } g
                        ? MakeGenesisCommand.Run(g)
                        : genesisExit;
                case "verify-rate":
                    return ToolStartup.ReadOptions(args[1..], VerifyRateCommand.Parse, o => o.Help, VerifyRateCommand.Usage, out var verifyExit) is { } v
                        ? VerifyRateCommand.Run(v)
                        : verifyExit;
                default:
                    break;
            }
            if (ToolStartup.ReadOptions(args, LoadGenOptions.Parse, o => o.Help, LoadGenOptions.Usage, out var exitCode) is not { } options)
            {
                return exitCode;
            }
            using var cts = ToolStartup.CancelOnCtrlC();
            try
            {
                return await LoadRun.RunAsync(options, cts.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("cancelled");
                return 2;
            }
        }
        catch (Exception e) when (e is JsonRpcException or HttpRequestException or IOException or InvalidDataException
            or FormatException or KeyNotFoundException or InvalidOperationException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
