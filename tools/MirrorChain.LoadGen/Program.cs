namespace MirrorChain.LoadGen;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (ToolStartup.ReadOptions(args, LoadGenOptions.Parse, o => o.Help, LoadGenOptions.Usage, out var exitCode) is not { } options)
        {
            return exitCode;
        }

        using var cts = ToolStartup.CancelOnCtrlC();

        try
        {
            return await LoadRun.RunAsync(options, cts.Token);
        }
        catch (Exception e) when (e is JsonRpcException or HttpRequestException or IOException or InvalidDataException
            or FormatException or KeyNotFoundException or InvalidOperationException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return 2;
        }
    }
}
