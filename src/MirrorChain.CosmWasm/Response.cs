using MirrorChain.Core;

namespace MirrorChain.CosmWasm;

/// <summary>
/// What an entry point returns (CosmWasm's <c>Response</c>): sub-messages dispatched in order after the contract's
/// own writes, attributes for the <c>wasm</c> event, custom events (emitted as <c>wasm-&lt;type&gt;</c>), and data.
/// </summary>
public sealed class Response
{
    private readonly List<SubMsg> _messages = [];
    private readonly List<(string Key, string Value)> _attributes = [];
    private readonly List<Event> _events = [];

    public IReadOnlyList<SubMsg> Messages => _messages;

    public IReadOnlyList<(string Key, string Value)> Attributes => _attributes;

    public IReadOnlyList<Event> Events => _events;

    public byte[]? Data { get; private set; }

    /// <summary>A message whose failure fails the whole call (ReplyOn.Never).</summary>
    public Response AddMessage(CosmosMsg msg)
    {
        _messages.Add(new SubMsg(0, msg, ReplyOn.Never));
        return this;
    }

    public Response AddMessages(IEnumerable<CosmosMsg> msgs)
    {
        foreach (var m in msgs)
        {
            AddMessage(m);
        }
        return this;
    }

    public Response AddSubMessage(SubMsg msg)
    {
        _messages.Add(msg);
        return this;
    }

    public Response AddAttribute(string key, string value)
    {
        _attributes.Add((key, value));
        return this;
    }

    public Response AddAttribute(string key, UInt128 value) =>
        AddAttribute(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Response AddAttributes(params (string Key, string Value)[] attributes)
    {
        _attributes.AddRange(attributes);
        return this;
    }

    /// <summary>A custom event; the runtime emits it as <c>wasm-{type}</c> with <c>_contract_address</c> first.</summary>
    public Response AddEvent(string type, params (string Key, string Value)[] attributes)
    {
        _events.Add(Event.Of(type, attributes));
        return this;
    }

    public Response SetData(byte[] data)
    {
        Data = data;
        return this;
    }
}
