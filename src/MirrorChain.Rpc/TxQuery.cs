using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using MirrorChain.Core;

namespace MirrorChain.Rpc;

/// <summary>
/// A parsed tx_search query: conditions that must all hold. Special tags <c>tx.hash</c> (hex, case-insensitive)
/// and <c>tx.height</c> test the tx itself; any other tag <c>type.key</c> tests the tx's indexed event
/// attributes (<see cref="MirrorChain.Core.EventAttribute.Index"/> true), matching when at least one
/// attribute satisfies the condition, as CometBFT's kv indexer does.
/// </summary>
public sealed class TxQuery
{
    public const string HashTag = "tx.hash";
    public const string HeightTag = "tx.height";

    private TxQuery(string text, IReadOnlyList<TxQueryCondition> conditions)
    {
        Text = text;
        Conditions = conditions;
        TxHash = FindHash(conditions);
        (MinHeight, MaxHeight) = FindHeightBounds(conditions);
    }

    /// <summary>The query text as given.</summary>
    public string Text { get; }

    public IReadOnlyList<TxQueryCondition> Conditions { get; }

    /// <summary>The hash of a <c>tx.hash = 'HEX'</c> condition, when there is one (lets the backend look it up directly).</summary>
    public byte[]? TxHash { get; }

    /// <summary>Inclusive height bounds implied by numeric <c>tx.height</c> conditions (1 and <see cref="long.MaxValue"/> without any).</summary>
    public long MinHeight { get; }

    public long MaxHeight { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> with CometBFT-style text when invalid.</summary>
    public static TxQuery Parse(string text) => new(text, TxQueryParser.Parse(text));

    public static bool TryParse(string text, [NotNullWhen(true)] out TxQuery? query, out string error)
    {
        try
        {
            query = Parse(text);
            error = "";
            return true;
        }
        catch (FormatException e)
        {
            query = null;
            error = e.Message;
            return false;
        }
    }

    public bool Matches(IndexedTx tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        foreach (var condition in Conditions)
        {
            if (!Matches(condition, tx))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Filters <paramref name="candidates"/>, orders by (height, index) ascending or descending, and cuts the
    /// 1-based <paramref name="page"/>: the whole tx_search for a backend that can enumerate its txs.
    /// </summary>
    public TxSearchResult Search(IEnumerable<IndexedTx> candidates, int page, int perPage, bool descending)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        var matches = candidates.Where(Matches).ToList();
        matches.Sort((a, b) => a.Height != b.Height ? a.Height.CompareTo(b.Height) : a.Index.CompareTo(b.Index));
        if (descending)
        {
            matches.Reverse();
        }
        var skip = (long)Math.Max(page - 1, 0) * perPage;
        var pageTxs = skip >= matches.Count ? [] : matches.Skip((int)skip).Take(perPage).ToList();
        return new TxSearchResult(pageTxs, matches.Count);
    }

    /// <summary>The canonical text: conditions joined by " AND ".</summary>
    public override string ToString() => string.Join(" AND ", Conditions);

    /// <summary>
    /// Whether <paramref name="condition"/> is decided by the event index alone: an equality on a string value of an
    /// attribute tag <c>type.key</c>, exactly what the index stores (a key per indexed attribute and value).
    /// </summary>
    public static bool IsIndexed(TxQueryCondition condition) =>
        condition is { Operator: TxQueryOperator.Equal, Value.Kind: TxQueryValueKind.String }
        && condition.Tag != HashTag && condition.Tag != HeightTag
        && condition.Tag.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && dot < condition.Tag.Length - 1;

    /// <summary>Whether one condition holds for <paramref name="tx"/> (the test <see cref="Matches(IndexedTx)"/> applies to each).</summary>
    public static bool Matches(TxQueryCondition condition, IndexedTx tx)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(tx);
        switch (condition.Tag)
        {
            case HashTag:
                var hex = Hex.Upper(tx.Hash);
                return condition is { Value.Kind: TxQueryValueKind.String, Operator: TxQueryOperator.Equal or TxQueryOperator.Contains }
                    ? condition.Operator == TxQueryOperator.Equal
                        ? string.Equals(hex, condition.Value.Text, StringComparison.OrdinalIgnoreCase)
                        : hex.Contains(condition.Value.Text, StringComparison.OrdinalIgnoreCase)
                    : condition.MatchesValue(hex);
            case HeightTag:
                return condition.MatchesValue(tx.Height.ToString(CultureInfo.InvariantCulture));
        }
        var tag = condition.Tag;
        foreach (var ev in tx.Result.Events)
        {
            if (!tag.StartsWith(ev.Type, StringComparison.Ordinal))
            {
                continue;
            }
            if (tag.Length == ev.Type.Length)
            {
                if (condition.MatchesValue(""))
                {
                    return true;
                }
                continue;
            }
            if (tag[ev.Type.Length] != '.')
            {
                continue;
            }
            foreach (var attr in ev.Attributes)
            {
                if (attr.Index
                    && tag.Length == ev.Type.Length + 1 + attr.Key.Length
                    && tag.EndsWith(attr.Key, StringComparison.Ordinal)
                    && condition.MatchesValue(attr.Value))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[]? FindHash(IReadOnlyList<TxQueryCondition> conditions)
    {
        foreach (var c in conditions)
        {
            if (c is { Tag: HashTag, Operator: TxQueryOperator.Equal, Value.Kind: TxQueryValueKind.String }
                && Hex.TryDecode(c.Value.Text, out var hash))
            {
                return hash;
            }
        }
        return null;
    }

    private static (long Min, long Max) FindHeightBounds(IReadOnlyList<TxQueryCondition> conditions)
    {
        BigInteger min = 1;
        BigInteger max = long.MaxValue;
        foreach (var c in conditions)
        {
            if (c is not { Tag: HeightTag, Value.Kind: TxQueryValueKind.Number })
            {
                continue;
            }
            var n = QueryNumber.ParseLiteral(c.Value.Text);
            switch (c.Operator)
            {
                case TxQueryOperator.Equal when n.IsInteger:
                    min = BigInteger.Max(min, n.Floor());
                    max = BigInteger.Min(max, n.Floor());
                    break;
                case TxQueryOperator.Equal:
                    max = 0;
                    break;
                case TxQueryOperator.Greater:
                    min = BigInteger.Max(min, n.Floor() + 1);
                    break;
                case TxQueryOperator.GreaterOrEqual:
                    min = BigInteger.Max(min, n.Ceiling());
                    break;
                case TxQueryOperator.Less:
                    max = BigInteger.Min(max, n.Ceiling() - 1);
                    break;
                case TxQueryOperator.LessOrEqual:
                    max = BigInteger.Min(max, n.Floor());
                    break;
            }
        }
        return (Clamp(min), Clamp(max));

        static long Clamp(BigInteger v) => v > long.MaxValue ? long.MaxValue : v < long.MinValue ? long.MinValue : (long)v;
    }
}
