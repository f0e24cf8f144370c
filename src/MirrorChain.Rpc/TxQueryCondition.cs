namespace MirrorChain.Rpc;

/// <summary>
/// One condition <c>tag op value</c>, e.g. <c>message.sender = 'terra1…'</c> or <c>tx.height &gt;= 5</c>.
/// <see cref="Value"/> is null only for <see cref="TxQueryOperator.Exists"/>.
/// </summary>
public sealed record TxQueryCondition(string Tag, TxQueryOperator Operator, TxQueryValue? Value)
{
    /// <summary>Whether one candidate value (an event attribute's value) satisfies this condition, as CometBFT compares.</summary>
    public bool MatchesValue(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (Operator == TxQueryOperator.Exists)
        {
            return true;
        }
        var value = Value!;
        return value.Kind switch
        {
            TxQueryValueKind.String => Operator switch
            {
                TxQueryOperator.Equal => string.Equals(candidate, value.Text, StringComparison.Ordinal),
                TxQueryOperator.Contains => candidate.Contains(value.Text, StringComparison.Ordinal),
                _ => false,
            },
            TxQueryValueKind.Number => QueryNumber.TryParseAttribute(candidate, out var n)
                && Compare(n.CompareTo(QueryNumber.ParseLiteral(value.Text))),
            TxQueryValueKind.Time => Rfc3339.TryParseTime(candidate, out var t)
                && Compare(t.CompareTo(Rfc3339.ParseTime(value.Text))),
            _ => Rfc3339.TryParseDate(candidate, out var d)
                && Compare(d.CompareTo(Rfc3339.ParseDate(value.Text))),
        };
    }

    private bool Compare(int order) => Operator switch
    {
        TxQueryOperator.Equal => order == 0,
        TxQueryOperator.Less => order < 0,
        TxQueryOperator.LessOrEqual => order <= 0,
        TxQueryOperator.Greater => order > 0,
        TxQueryOperator.GreaterOrEqual => order >= 0,
        _ => false,
    };

    public override string ToString()
    {
        var op = Operator switch
        {
            TxQueryOperator.Equal => "=",
            TxQueryOperator.Less => "<",
            TxQueryOperator.LessOrEqual => "<=",
            TxQueryOperator.Greater => ">",
            TxQueryOperator.GreaterOrEqual => ">=",
            TxQueryOperator.Contains => "CONTAINS",
            _ => "EXISTS",
        };
        return Value is null ? $"{Tag} {op}" : $"{Tag} {op} {Value}";
    }
}
