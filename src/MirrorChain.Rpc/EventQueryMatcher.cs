namespace MirrorChain.Rpc;

/// <summary>
/// Matches a subscription query against an event's flattened attributes as CometBFT's pubsub does
/// (libs/pubsub/query/query.go <c>Matches</c>): every condition must hold; a condition on tag <c>T</c> holds when
/// a value of <c>T</c> satisfies it, or, when <c>T</c> names only an event type (a flattened key <c>T.k</c> exists),
/// when the empty string does. Values compare as <see cref="TxQueryCondition.MatchesValue"/> (the tx_search rules).
/// </summary>
internal static class EventQueryMatcher
{
    public static bool Matches(TxQuery query, IReadOnlyDictionary<string, List<string>> attributes)
    {
        if (attributes.Count == 0)
        {
            return false;
        }
        foreach (var condition in query.Conditions)
        {
            if (!Matches(condition, attributes))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Matches(TxQueryCondition condition, IReadOnlyDictionary<string, List<string>> attributes)
    {
        if (attributes.TryGetValue(condition.Tag, out var values))
        {
            foreach (var v in values)
            {
                if (condition.MatchesValue(v))
                {
                    return true;
                }
            }
        }
        foreach (var key in attributes.Keys)
        {
            var dot = key.LastIndexOf('.');
            if (dot == condition.Tag.Length && key.StartsWith(condition.Tag, StringComparison.Ordinal))
            {
                return condition.MatchesValue("");
            }
        }
        return false;
    }
}
