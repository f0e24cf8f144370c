using System.Text.Json;
using System.Text.Json.Serialization;

namespace MirrorChain.CosmWasm;

/// <summary>
/// Reads arrays of a reference type (<c>T[]</c>, <c>List&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c>, …) refusing a
/// <c>null</c> element as serde does for a <c>Vec&lt;T&gt;</c> ("Invalid type"): nullable annotations cover properties
/// only, so without this <c>"assets":[null, …]</c> left a null inside a message (found by the contract fuzz targets).
/// No contract message has a <c>Vec&lt;Option&lt;T&gt;&gt;</c>.
/// </summary>
public sealed class NonNullElementsConverterFactory : JsonConverterFactory
{
    private static readonly Type[] ListShapes =
    [
        typeof(List<>), typeof(IReadOnlyList<>), typeof(IList<>), typeof(IEnumerable<>), typeof(ICollection<>), typeof(IReadOnlyCollection<>),
    ];

    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return ElementOf(typeToConvert) is { IsValueType: false };
    }

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var element = ElementOf(typeToConvert)!;
        var converter = typeToConvert.IsArray
            ? typeof(ArrayConverter<>).MakeGenericType(element)
            : typeof(ListConverter<,>).MakeGenericType(typeToConvert, element);
        return (JsonConverter)Activator.CreateInstance(converter)!;
    }

    private static Type? ElementOf(Type type)
    {
        if (type.IsArray && type.GetArrayRank() == 1)
        {
            return type.GetElementType() == typeof(byte) ? null : type.GetElementType(); // byte[] is base64 Binary
        }
        return type.IsGenericType && ListShapes.Contains(type.GetGenericTypeDefinition()) ? type.GetGenericArguments()[0] : null;
    }

    private static List<T> ReadElements<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException(SerdeJsonSyntax.InvalidType);
        }
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw new JsonException(SerdeJsonSyntax.InvalidType);
            }
            items.Add(JsonSerializer.Deserialize<T>(ref reader, options) ?? throw new JsonException(SerdeJsonSyntax.InvalidType));
        }
        return items;
    }

    private static void WriteElements<T>(Utf8JsonWriter writer, IEnumerable<T> items, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            JsonSerializer.Serialize(writer, item, options);
        }
        writer.WriteEndArray();
    }

    private sealed class ArrayConverter<T> : JsonConverter<T[]>
    {
        public override T[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            [.. ReadElements<T>(ref reader, options)];

        public override void Write(Utf8JsonWriter writer, T[] value, JsonSerializerOptions options) => WriteElements(writer, value, options);
    }

    private sealed class ListConverter<TList, T> : JsonConverter<TList>
        where TList : IEnumerable<T>
    {
        public override TList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (TList)(object)ReadElements<T>(ref reader, options);

        public override void Write(Utf8JsonWriter writer, TList value, JsonSerializerOptions options) => WriteElements(writer, value, options);
    }
}
