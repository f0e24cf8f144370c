using System.Text.Json.Nodes;

namespace MirrorChain.Cli.Tests;

public sealed class OutputFormatTests
{
    [Theory]
    [InlineData(null, OutputFormat.Text, OutputFormat.Text)]
    [InlineData(null, OutputFormat.Json, OutputFormat.Json)]
    [InlineData("json", OutputFormat.Text, OutputFormat.Json)]
    [InlineData("TEXT", OutputFormat.Json, OutputFormat.Text)]
    public void Output_flag_picks_json_or_text_else_the_commands_default(string? flag, OutputFormat fallback, OutputFormat expected) =>
        Assert.Equal(expected, Output.Parse(flag, fallback));

    [Fact]
    public void Output_flag_refuses_other_formats() =>
        Assert.Equal("--output must be json or text, got yaml", Assert.Throws<FormatException>(() => Output.Parse("yaml", OutputFormat.Text)).Message);

    [Fact]
    public void Smart_query_text_is_data_and_the_answer_as_yaml()
    {
        var doc = JsonNode.Parse("""{"data":{"owner":"terra1abc","token_code_id":1,"protocol_fee_rate":"0.015","ipo":null,"ok":true,"list":[],"obj":{}}}""");

        Assert.Equal(
            "data:\n  owner: terra1abc\n  token_code_id: 1\n  protocol_fee_rate: \"0.015\"\n  ipo: null\n  ok: true\n  list: []\n  obj: {}\n",
            Output.ToYaml(doc));
    }

    [Fact]
    public void Arrays_of_objects_are_dashed_items_at_the_keys_indent()
    {
        var doc = JsonNode.Parse("""{"code_infos":[{"code_id":"1","creator":"","perm":{"permission":"Nobody","addresses":[]}},{"code_id":"2"}],"pagination":{"next_key":null,"total":"0"}}""");

        Assert.Equal(
            "code_infos:\n- code_id: \"1\"\n  creator: \"\"\n  perm:\n    permission: Nobody\n    addresses: []\n- code_id: \"2\"\npagination:\n  next_key: null\n  total: \"0\"\n",
            Output.ToYaml(doc));
    }

    [Fact]
    public void Nested_arrays_and_scalars_render_as_block_sequences()
    {
        var doc = JsonNode.Parse("""{"prices":[["terra1a","670.5"],["terra1b","1"]],"contracts":["terra1x","terra1y"]}""");

        Assert.Equal("prices:\n-\n  - terra1a\n  - \"670.5\"\n-\n  - terra1b\n  - \"1\"\ncontracts:\n- terra1x\n- terra1y\n", Output.ToYaml(doc));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("123", true)]
    [InlineData("1.5", true)]
    [InlineData("true", true)]
    [InlineData("null", true)]
    [InlineData("a: b", true)]
    [InlineData("-x", true)]
    [InlineData(" padded", true)]
    [InlineData("terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v", false)]
    [InlineData("Tesla, Inc.", false)]
    [InlineData("uusd", false)]
    public void Strings_are_quoted_only_where_yaml_would_misread_them(string s, bool quoted) =>
        Assert.Equal(quoted, Output.NeedsQuotes(s));

    [Fact]
    public void Json_output_is_indented_json()
    {
        var w = new StringWriter();
        Output.Print(w, JsonNode.Parse("""{"data":{"a":"1"}}"""), OutputFormat.Json);
        Assert.Equal("{\n  \"data\": {\n    \"a\": \"1\"\n  }\n}\n", w.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
