using System.Text.Json.Nodes;

namespace MirrorChain.Cli;

/// <summary>
/// mirrorchain config [KEY [VALUE]]: read or set a key of the home's config/node.json, the way <c>terrad config</c>
/// sets client.toml. <c>node</c> is an alias of <c>rpc_laddr</c> (terrad's name; a tcp:// or http:// prefix is
/// dropped): the address <c>start</c> listens on and every other command talks to unless <c>--node</c> is given.
/// </summary>
public static class ConfigCommand
{
    public static int Run(HomeLayout home, string? key, string? value, TextWriter output)
    {
        var config = NodeConfigFile.Load(home.NodeConfig);
        var doc = JsonNode.Parse(config.ToJson())!.AsObject();
        if (key is null)
        {
            output.Write(doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
            return 0;
        }
        var name = key == "node" ? "rpc_laddr" : key;
        if (!doc.ContainsKey(name))
        {
            throw new FormatException($"unknown config key {key}; the keys are: node, {string.Join(", ", doc.Select(p => p.Key))}");
        }
        if (value is null)
        {
            output.WriteLine(doc[name]!.ToString());
            return 0;
        }
        switch (name)
        {
            case "rpc_laddr":
                value = StripScheme(value);
                _ = MirrorChain.Rpc.RpcServerOptions.ParseEndpoint(value); // throws FormatException with the reason
                break;
            case "lcd_laddr":
                value = StripScheme(value);
                _ = MirrorChain.Rpc.Lcd.LcdServerOptions.ParseListenAddress(value);
                break;
            case "metrics_laddr":
                value = StripScheme(value);
                _ = MirrorChain.Rpc.MetricsServer.ParseListenAddress(value);
                break;
            case "block_time":
                _ = DurationParser.Parse(value);
                break;
        }
        var current = doc[name]!;
        doc[name] = current.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
            ? JsonValue.Create(value switch
            {
                "true" or "on" => true,
                "false" or "off" => false,
                _ => throw new FormatException($"{name} must be true or false, got {value}"),
            })
            : current.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? JsonValue.Create(ParseNumber(name, value))
            : JsonValue.Create(value);
        var updated = NodeConfigFile.FromJson(doc.ToJsonString(), home.NodeConfig);
        Directory.CreateDirectory(home.Config);
        updated.Save(home.NodeConfig);
        output.WriteLine($"{name} = {doc[name]} (in {home.NodeConfig})");
        return 0;
    }

    /// <summary>
    /// A numeric setting's value: a non-negative integer, or -1 for a setting where it means "no limit"
    /// (<c>admission_checks_during_block</c>); the file's own checks then decide (<see cref="NodeConfigFile.FromJson"/>).
    /// </summary>
    private static long ParseNumber(string name, string value)
    {
        var signed = name == "admission_checks_during_block";
        var style = signed ? System.Globalization.NumberStyles.AllowLeadingSign : System.Globalization.NumberStyles.None;
        if (long.TryParse(value, style, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= (signed ? -1 : 0))
        {
            return n;
        }
        throw new FormatException(signed
            ? $"{name} must be -1 (no limit), 0 or a positive integer, got {value}"
            : $"{name} must be a non-negative integer, got {value}");
    }

    /// <summary>"tcp://127.0.0.1:26657/" → "127.0.0.1:26657".</summary>
    public static string StripScheme(string address)
    {
        var i = address.IndexOf("://", StringComparison.Ordinal);
        return (i >= 0 ? address[(i + 3)..] : address).TrimEnd('/');
    }
}
