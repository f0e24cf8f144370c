namespace MirrorChain.Cli.Tests;

public sealed class KeysCommandsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mc-keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private const string Test1 = "notice oak worry limit wrap speak medal online prefer cluster roof addict wrist behave treat actual wasp year salad speed social layer crew genius";

    [Fact]
    public void Recover_reads_the_mnemonic_and_show_prints_the_address()
    {
        var home = HomeLayout.From(_root);
        var output = new StringWriter();
        Assert.Equal(0, KeysCommands.Add(home, "mine", recover: true, new StringReader(Test1 + "\n"), output));
        Assert.Contains("address: terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"key\":\"AjszqFJDRAYbEjZMuiD+ChqzbUSGq/RRu3zr0R6iJB5b\"", output.ToString(), StringComparison.Ordinal);

        var shown = new StringWriter();
        KeysCommands.Show(home, "mine", addressOnly: true, shown);
        Assert.Equal("terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v" + Environment.NewLine, shown.ToString());
    }

    [Fact]
    public void Add_without_recover_prints_a_new_24_word_mnemonic_once()
    {
        var home = HomeLayout.From(_root);
        var output = new StringWriter();
        KeysCommands.Add(home, "fresh", recover: false, TextReader.Null, output);
        var lastLine = output.ToString().TrimEnd().Split(Environment.NewLine).Last();
        Assert.Equal(24, lastLine.Split(' ').Length);
        Assert.True(MirrorChain.Crypto.Bip39.IsValid(lastLine, out _));
    }

    [Fact]
    public void Recover_with_empty_input_is_an_error()
    {
        var output = new StringWriter();
        Assert.Equal(2, KeysCommands.Add(HomeLayout.From(_root), "x", recover: true, new StringReader("\n"), output));
        Assert.Contains("no mnemonic", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void List_is_ordered_by_name_and_delete_removes()
    {
        var home = HomeLayout.From(_root);
        KeysCommands.Add(home, "b", recover: true, new StringReader(Test1), TextWriter.Null);
        KeysCommands.Add(home, "a", recover: false, TextReader.Null, TextWriter.Null);
        var list = new StringWriter();
        KeysCommands.List(home, list);
        var names = list.ToString().Trim().Split(Environment.NewLine).Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal(["a", "b"], names);
        KeysCommands.Delete(home, "b", TextWriter.Null);
        var after = new StringWriter();
        KeysCommands.List(home, after);
        Assert.DoesNotContain("terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v", after.ToString(), StringComparison.Ordinal);
    }
}
