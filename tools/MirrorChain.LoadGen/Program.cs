using System.Globalization;

namespace MirrorChain.LoadGen;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        LoadGenOptions options;
        try
        {
            options = LoadGenOptions.Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"error: {e.Message}\n\n{LoadGenOptions.Usage}");
            return 2;
        }
        if (options.Help)
        {
            Console.WriteLine(LoadGenOptions.Usage);
            return 0;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };

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
