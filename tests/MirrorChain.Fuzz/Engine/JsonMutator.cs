using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MirrorChain.Fuzz.Engine;

/// <summary>
/// Structural mutations of a valid JSON message: one to three edits at random nodes — type swaps (null, bool,
/// numbers, strings, arrays, objects), hostile numbers (negative, fractional, exponents, u64/u128 edges), hostile
/// strings (lone surrogates, NUL, invalid UTF-8, very long), unknown fields and variants, removed and duplicated
/// fields, deep nesting, splices from other corpus items — and, now and then, a byte-level edit or truncation of the
/// text. Strings that System.Text.Json would refuse to write (bad escapes, invalid UTF-8) go in as markers that are
/// replaced in the written text.
/// </summary>
public sealed class JsonMutator(IReadOnlyList<string> corpus)
{
    private static readonly (string Marker, byte[] Raw)[] RawStrings =
    [
        ("\u0001LONE_HIGH\u0001", "\"\\ud800\""u8.ToArray()),
        ("\u0001LONE_LOW\u0001", "\"\\udc00\""u8.ToArray()),
        ("\u0001HIGH_HIGH\u0001", "\"\\ud800\\ud800\""u8.ToArray()),
        ("\u0001BAD_UTF8\u0001", [(byte)'"', 0xC3, 0x28, (byte)'"']),
        ("\u0001OVERLONG\u0001", [(byte)'"', 0xC0, 0xAF, (byte)'"']),
        ("\u0001SURROGATE_UTF8\u0001", [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"']),
        ("\u0001BAD_ESCAPE\u0001", "\"\\x41\""u8.ToArray()),
        ("\u0001SHORT_U\u0001", "\"\\u12\""u8.ToArray()),
        ("\u0001BIG_NUMBER\u0001", "340282366920938463463374607431768211456000"u8.ToArray()),
        ("\u0001NEG_ZERO\u0001", "-0"u8.ToArray()),
        ("\u0001EXP\u0001", "1e400"u8.ToArray()),
        ("\u0001DUP_KEY\u0001", "{\"a\":1,\"a\":2}"u8.ToArray()),
    ];

    private static readonly string[] Strings =
    [
        "", " ", "0", "-1", "1.5", "+1", "0x10", "1e18", "18446744073709551615", "18446744073709551616",
        "340282366920938463463374607431768211455", "340282366920938463463374607431768211456", "115792089237316195423570985008687907853269984665640564039457584007913129639935",
        "0.000000000000000001", "0.0000000000000000001", "1000000000000000000000000000000.5", "NaN", "-0", "00", "1.", ".5",
        "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v", "terra1", "TERRA1X46RQAY4D3CSSQ8GXXVQZ8XT6NWLZ4TD20K38V", "uusd", "uluna", "uUSD",
        "\u0000", "é", "😀", "\u202e", "a\"b", "asc", "desc", "yes", "no", "abstain", "eyJ9", "e30=", "=", "AAAA",
    ];

    private readonly List<string> _names = CollectNames(corpus);

    public byte[] Mutate(string seedJson, FuzzRandom r)
    {
        if (r.Chance(12))
        {
            return ByteMutator.Mutate(Encoding.UTF8.GetBytes(seedJson), r, [.. corpus.Select(c => Encoding.UTF8.GetBytes(c))]);
        }
        var root = JsonNode.Parse(seedJson) ?? new JsonObject();
        var edits = 1 + r.Next(3);
        for (var k = 0; k < edits; k++)
        {
            root = Edit(root, r);
        }
        var text = root?.ToJsonString() ?? "null";
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var (marker, raw) in RawStrings)
        {
            var quoted = JsonSerializer.Serialize(marker);
            bytes = Replace(bytes, Encoding.UTF8.GetBytes(quoted), raw);
        }
        if (r.Chance(5) && bytes.Length > 1)
        {
            bytes = bytes[..r.Next(bytes.Length)];
        }
        return bytes;
    }

    private JsonNode? Edit(JsonNode? root, FuzzRandom r)
    {
        var nodes = new List<JsonNode?>();
        Collect(root, nodes);
        var target = r.Pick(nodes);
        var replacement = target is null || r.Chance(70) ? NewValue(target, r) : null;
        switch (r.Next(10))
        {
            case 0 when target is JsonObject obj && obj.Count > 0: // remove a field
                obj.Remove(r.Pick(obj.Select(p => p.Key).ToList()));
                return root;
            case 1 when target is JsonObject obj: // add an unknown or a known name
                var name = r.Chance(50) ? r.Pick(_names) : "fuzz_unknown_" + r.Next(5);
                obj[name] = NewValue(null, r);
                return root;
            case 2 when target is JsonObject obj && obj.Count > 0: // rename a field / variant
                var old = r.Pick(obj.Select(p => p.Key).ToList());
                var value = obj[old];
                obj.Remove(old);
                var renamed = r.Chance(60) ? r.Pick(_names) : old + "x";
                if (!obj.ContainsKey(renamed))
                {
                    obj[renamed] = value;
                }
                return root;
            case 3: // deep nesting around the node
                var depth = r.Pick([20, 63, 64, 65, 127, 128, 129, 200, 300]);
                JsonNode? nested = r.Chance(50) ? JsonValue.Create(1) : null;
                for (var d = 0; d < depth; d++)
                {
                    nested = r.Chance(50) ? new JsonArray(nested) : new JsonObject { ["a"] = nested };
                }
                return Replace(root, target, nested);
            case 4 when target is JsonArray arr: // grow or empty an array
                if (r.Chance(50))
                {
                    arr.Clear();
                }
                else
                {
                    for (var n = 1 + r.Next(5); n > 0; n--)
                    {
                        arr.Add(arr.Count > 0 && r.Chance(70) ? arr[r.Next(arr.Count)]?.DeepClone() : NewValue(null, r));
                    }
                }
                return root;
            case 5: // splice a node of another corpus message
                var donor = JsonNode.Parse(r.Pick(corpus));
                var donorNodes = new List<JsonNode?>();
                Collect(donor, donorNodes);
                var graft = r.Pick(donorNodes)?.DeepClone();
                return Replace(root, target, graft);
            default:
                return Replace(root, target, replacement);
        }
    }

    private JsonNode? NewValue(JsonNode? like, FuzzRandom r)
    {
        switch (r.Next(12))
        {
            case 0:
                return null;
            case 1:
                return JsonValue.Create(r.Chance(50));
            case 2:
                return JsonValue.Create(r.Pick([0L, 1L, -1L, long.MaxValue, long.MinValue, 4294967295L, 4294967296L, 18L, 19L, 100L]));
            case 3:
                return JsonValue.Create(r.Pick([18446744073709551615UL, 9007199254740993UL]));
            case 4:
                return JsonValue.Create(r.Pick([0.5, -1.5, 1e300, 1e-300]));
            case 5:
                return JsonValue.Create(r.Pick(RawStrings).Marker);
            case 6:
                return JsonValue.Create(r.Pick(Strings));
            case 7:
                return JsonValue.Create(new string((char)('a' + r.Next(26)), r.Pick([64, 1000, 70_000])));
            case 8:
                return new JsonArray();
            case 9:
                return new JsonObject();
            case 10 when like is not null: // wrap
                return r.Chance(50) ? new JsonArray(like.DeepClone()) : new JsonObject { [r.Pick(_names)] = like.DeepClone() };
            default: // a variant name as a bare string or a unit object
                var n = r.Pick(_names);
                return r.Chance(50) ? JsonValue.Create(n) : new JsonObject { [n] = new JsonObject() };
        }
    }

    private static JsonNode? Replace(JsonNode? root, JsonNode? target, JsonNode? replacement)
    {
        if (target is null || target.Parent is null)
        {
            return replacement;
        }
        var parent = target.Parent;
        if (parent is JsonObject obj)
        {
            var key = obj.First(p => ReferenceEquals(p.Value, target)).Key;
            obj[key] = replacement;
        }
        else if (parent is JsonArray arr)
        {
            var index = arr.IndexOf(target);
            arr[index] = replacement;
        }
        return root;
    }

    private static void Collect(JsonNode? node, List<JsonNode?> into)
    {
        into.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var p in obj.ToList())
                {
                    if (p.Value is not null)
                    {
                        Collect(p.Value, into);
                    }
                }
                break;
            case JsonArray arr:
                foreach (var item in arr.ToList())
                {
                    if (item is not null)
                    {
                        Collect(item, into);
                    }
                }
                break;
        }
    }

    private static List<string> CollectNames(IReadOnlyList<string> corpus)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var json in corpus)
        {
            var nodes = new List<JsonNode?>();
            Collect(JsonNode.Parse(json), nodes);
            foreach (var obj in nodes.OfType<JsonObject>())
            {
                foreach (var p in obj)
                {
                    names.Add(p.Key);
                }
            }
        }
        return names.Count == 0 ? ["x"] : [.. names];
    }

    private static byte[] Replace(byte[] haystack, byte[] needle, byte[] with)
    {
        var index = haystack.AsSpan().IndexOf(needle);
        if (index < 0)
        {
            return haystack;
        }
        var result = new List<byte>(haystack.Length);
        var rest = haystack.AsSpan();
        while ((index = rest.IndexOf(needle)) >= 0)
        {
            result.AddRange(rest[..index].ToArray());
            result.AddRange(with);
            rest = rest[(index + needle.Length)..];
        }
        result.AddRange(rest.ToArray());
        return [.. result];
    }
}
