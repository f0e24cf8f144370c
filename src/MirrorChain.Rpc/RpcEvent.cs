using System.Buffers;
using System.Text.Json;

namespace MirrorChain.Rpc;

/// <summary>
/// One published event, as CometBFT's event bus carries it (types/event_bus.go): the flattened attributes
/// <c>"type.key" → values</c> that subscription queries match (<see cref="EventQueryMatcher"/>), and the event data
/// written as its amino-JSON envelope <c>{"type":"tendermint/event/…","value":…}</c> once, on first use, and shared
/// by every subscriber.
/// </summary>
internal sealed class RpcEvent
{
    private readonly Action<Utf8JsonWriter> _writeValue;
    private readonly Lazy<byte[]> _data;
    private readonly Lazy<byte[]> _eventsJson;

    public RpcEvent(string name, IReadOnlyDictionary<string, List<string>> attributes, Action<Utf8JsonWriter> writeValue)
    {
        Name = name;
        Attributes = attributes;
        _writeValue = writeValue;
        _data = new Lazy<byte[]>(WriteData, LazyThreadSafetyMode.ExecutionAndPublication);
        _eventsJson = new Lazy<byte[]>(WriteEvents, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The <c>tm.event</c> value: NewBlock, NewBlockHeader, NewBlockEvents or Tx.</summary>
    public string Name { get; }

    /// <summary>Composite tag → values, e.g. <c>tm.event → [Tx]</c>, <c>message.sender → [terra1…]</c>.</summary>
    public IReadOnlyDictionary<string, List<string>> Attributes { get; }

    /// <summary>The <c>data</c> of the ResultEvent.</summary>
    public ReadOnlySpan<byte> Data => _data.Value;

    /// <summary>The <c>events</c> of the ResultEvent: an object of string arrays, keys in ordinal order.</summary>
    public ReadOnlySpan<byte> EventsJson => _eventsJson.Value;

    private byte[] WriteData()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, RpcEnvelope.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", "tendermint/event/" + Name);
            w.WritePropertyName("value");
            _writeValue(w);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private byte[] WriteEvents()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, RpcEnvelope.WriterOptions))
        {
            w.WriteStartObject();
            foreach (var key in Attributes.Keys.Order(StringComparer.Ordinal))
            {
                w.WriteStartArray(key);
                foreach (var v in Attributes[key])
                {
                    w.WriteStringValue(v);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
