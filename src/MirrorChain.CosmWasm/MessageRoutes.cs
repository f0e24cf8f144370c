using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace MirrorChain.CosmWasm;

/// <summary>
/// One entry point's dispatch table: the variants of a Rust message enum (<c>ExecuteMsg</c>, <c>QueryMsg</c>,
/// <c>Cw20HookMsg</c>), each with its handler, in the enum's declaration order. The table is the single list both the
/// dispatch and serde's "unknown variant `x`, expected one of `a`, `b`" text derive from: serde lists the variants in
/// declaration order, so the entries must be given in that order. Lookup is an ordinal scan of the ordered array
/// (tables are a handful of entries), so nothing depends on hash order.
/// </summary>
/// <typeparam name="THandler">The handler's shape: <see cref="ExecuteHandler"/>, <see cref="QueryHandler"/>, or a
/// contract's own hook delegate.</typeparam>
public sealed class MessageRoutes<THandler>
    where THandler : Delegate
{
    private readonly string[] _names;
    private readonly THandler[] _handlers;

    /// <param name="typeName">The Rust path of the enum, named in parse errors ("mirror_protocol::mint::ExecuteMsg").</param>
    /// <param name="routes">(variant name, handler) in the enum's declaration order; an empty table is an enum with no
    /// variants.</param>
    public MessageRoutes(string typeName, params (string Name, THandler Handler)[] routes)
    {
        TypeName = typeName;
        _names = new string[routes.Length];
        _handlers = new THandler[routes.Length];
        for (var i = 0; i < routes.Length; i++)
        {
            var (name, handler) = routes[i];
            if (string.IsNullOrEmpty(name) || Array.IndexOf(_names, name, 0, i) >= 0)
            {
                throw new ArgumentException($"{typeName}: variant name '{name}' is empty or listed twice", nameof(routes));
            }
            _names[i] = name;
            _handlers[i] = handler ?? throw new ArgumentNullException(nameof(routes), $"{typeName}::{name} has no handler");
        }
    }

    /// <summary>The Rust path of the enum.</summary>
    public string TypeName { get; }

    /// <summary>The variant names, in declaration order (the order of serde's "expected one of" list).</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Splits <paramref name="msg"/> (<c>{"variant": body}</c> or a bare unit variant) and finds its handler;
    /// a name not in the table is serde's unknown-variant error.</summary>
    public (THandler Handler, JsonElement Body) Route(JsonElement msg)
    {
        var (name, body) = ContractJson.Variant(msg, TypeName);
        return (Find(name), body);
    }

    /// <summary>The handler of variant <paramref name="name"/>, or serde's unknown-variant error.</summary>
    public THandler Find(string name) => TryFind(name, out var handler) ? handler : throw UnknownVariant(name);

    /// <summary>The handler of variant <paramref name="name"/> (ordinal match), if the table has it.</summary>
    public bool TryFind(string name, [MaybeNullWhen(false)] out THandler handler)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                handler = _handlers[i];
                return true;
            }
        }
        handler = null;
        return false;
    }

    /// <summary>serde's error for a variant not in the table: "unknown variant `x`, expected one of `a`, `b`", or
    /// "unknown variant `x`, there are no variants" for an empty enum.</summary>
    public ContractException UnknownVariant(string name) => _names.Length == 0
        ? ContractException.Parse(TypeName, $"unknown variant `{name}`, there are no variants")
        : ContractJson.UnknownVariant(TypeName, name, _names);
}
