using System.Globalization;

namespace MirrorChain.Rpc;

/// <summary>
/// Scanner and parser for CometBFT's event query grammar (libs/pubsub/query/syntax):
/// <c>query = cond { "AND" cond }</c>, <c>cond = tag op [value]</c>; tags are <c>[_\p{L}\d][-_.\p{L}\d]*</c>;
/// values are <c>'string'</c> (no escapes), numbers <c>\d+(\.\d+)?</c>, <c>TIME rfc3339</c> and <c>DATE yyyy-mm-dd</c>;
/// operators <c>= &lt; &lt;= &gt; &gt;= CONTAINS EXISTS</c> (ordering needs a number/time/date, CONTAINS a string,
/// EXISTS nothing). Errors read like CometBFT's: "offset N: got X, wanted Y".
/// </summary>
internal sealed class TxQueryParser
{
    private enum Token
    {
        End,
        Tag,
        String,
        Number,
        Time,
        Date,
        And,
        Contains,
        Exists,
        Eq,
        Lt,
        Leq,
        Gt,
        Geq,
    }

    private readonly string _input;
    private int _end;
    private int _start;
    private Token _token;
    private string _text = "";

    private TxQueryParser(string input) => _input = input;

    public static IReadOnlyList<TxQueryCondition> Parse(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new TxQueryParser(input).ParseQuery();
    }

    private List<TxQueryCondition> ParseQuery()
    {
        var conditions = new List<TxQueryCondition> { ParseCondition() };
        while (true)
        {
            Next();
            if (_token == Token.End)
            {
                return conditions;
            }
            if (_token != Token.And)
            {
                throw Fail($"offset {_start}: got {Name(_token)}, want {Name(Token.And)}");
            }
            conditions.Add(ParseCondition());
        }
    }

    private TxQueryCondition ParseCondition()
    {
        Require(Token.Tag);
        var tag = _text;
        Require(Token.Leq, Token.Geq, Token.Lt, Token.Gt, Token.Eq, Token.Contains, Token.Exists);
        var op = _token switch
        {
            Token.Eq => TxQueryOperator.Equal,
            Token.Lt => TxQueryOperator.Less,
            Token.Leq => TxQueryOperator.LessOrEqual,
            Token.Gt => TxQueryOperator.Greater,
            Token.Geq => TxQueryOperator.GreaterOrEqual,
            Token.Contains => TxQueryOperator.Contains,
            _ => TxQueryOperator.Exists,
        };
        switch (op)
        {
            case TxQueryOperator.Exists:
                return new TxQueryCondition(tag, op, null);
            case TxQueryOperator.Equal:
                Require(Token.Number, Token.Time, Token.Date, Token.String);
                break;
            case TxQueryOperator.Contains:
                Require(Token.String);
                break;
            default:
                Require(Token.Number, Token.Time, Token.Date);
                break;
        }
        var kind = _token switch
        {
            Token.String => TxQueryValueKind.String,
            Token.Number => TxQueryValueKind.Number,
            Token.Time => TxQueryValueKind.Time,
            _ => TxQueryValueKind.Date,
        };
        return new TxQueryCondition(tag, op, new TxQueryValue(kind, _text));
    }

    private void Require(params Token[] wanted)
    {
        Next();
        if (Array.IndexOf(wanted, _token) < 0)
        {
            var labels = wanted.Length == 1
                ? Name(wanted[0])
                : string.Join(", ", wanted[..^1].Select(Name)) + " or " + Name(wanted[^1]);
            throw Fail($"offset {_start}: got {Name(_token)}, wanted {labels}");
        }
    }

    private void Next()
    {
        while (_end < _input.Length && char.IsWhiteSpace(_input[_end]))
        {
            _end++;
        }
        _start = _end;
        if (_end == _input.Length)
        {
            _token = Token.End;
            _text = "";
            return;
        }
        var ch = _input[_end];
        if (char.IsAsciiDigit(ch))
        {
            ScanNumber();
        }
        else if (ch == '_' || char.IsLetterOrDigit(ch))
        {
            ScanTagLike();
        }
        else if (ch == '\'')
        {
            ScanString();
        }
        else if (ch is '<' or '>' or '=')
        {
            ScanCompare(ch);
        }
        else
        {
            throw Fail($"invalid input {ch} at offset {_end + 1}");
        }
    }

    private void ScanNumber()
    {
        var i = _end;
        while (i < _input.Length && char.IsAsciiDigit(_input[i]))
        {
            i++;
        }
        if (i < _input.Length && _input[i] == '.')
        {
            i++;
            while (i < _input.Length && char.IsAsciiDigit(_input[i]))
            {
                i++;
            }
        }
        var text = _input[_end..i];
        if (text.EndsWith('.'))
        {
            throw Fail($"offset {_start}: invalid number {text}");
        }
        Take(Token.Number, i, text);
    }

    private void ScanString()
    {
        var close = _input.IndexOf('\'', _end + 1);
        if (close < 0)
        {
            throw Fail($"offset {_start}: unterminated string");
        }
        Take(Token.String, close + 1, _input[(_end + 1)..close]);
    }

    private void ScanCompare(char first)
    {
        if (first == '=')
        {
            Take(Token.Eq, _end + 1, "=");
            return;
        }
        var orEqual = _end + 1 < _input.Length && _input[_end + 1] == '=';
        var token = (first, orEqual) switch
        {
            ('<', false) => Token.Lt,
            ('<', true) => Token.Leq,
            ('>', false) => Token.Gt,
            _ => Token.Geq,
        };
        Take(token, _end + (orEqual ? 2 : 1), orEqual ? first + "=" : first.ToString());
    }

    private void ScanTagLike()
    {
        var i = _end + 1;
        while (i < _input.Length && IsTagChar(_input[i]))
        {
            i++;
        }
        var text = _input[_end..i];
        var spaceFollows = i < _input.Length && _input[i] == ' ';
        switch (text)
        {
            case "TIME" when spaceFollows:
                ScanStamp(i + 1, Token.Time);
                return;
            case "DATE" when spaceFollows:
                ScanStamp(i + 1, Token.Date);
                return;
            case "AND":
                Take(Token.And, i, text);
                return;
            case "EXISTS":
                Take(Token.Exists, i, text);
                return;
            case "CONTAINS":
                Take(Token.Contains, i, text);
                return;
            default:
                Take(Token.Tag, i, text);
                return;
        }
    }

    private void ScanStamp(int from, Token token)
    {
        var i = from;
        while (i < _input.Length && (char.IsAsciiDigit(_input[i]) || (token == Token.Time ? "-T:+Z" : "-").Contains(_input[i], StringComparison.Ordinal)))
        {
            i++;
        }
        var text = _input[from..i];
        DateTimeOffset value;
        if (token == Token.Time)
        {
            if (!Rfc3339.TryParseTime(text, out value))
            {
                throw Fail($"offset {_start}: invalid TIME value: {text}");
            }
        }
        else if (!Rfc3339.TryParseDate(text, out value))
        {
            throw Fail($"offset {_start}: invalid DATE value: {text}");
        }
        if (value.Year is < 1900 or > 2999)
        {
            var what = token == Token.Time ? "timestamp" : "datestamp";
            throw Fail($"offset {_start}: {what} year {value.Year.ToString(CultureInfo.InvariantCulture)} out of range");
        }
        Take(token, i, text);
    }

    private void Take(Token token, int end, string text)
    {
        _token = token;
        _text = text;
        _end = end;
    }

    private static bool IsTagChar(char c) => c is '.' or '_' or '-' || char.IsLetterOrDigit(c);

    private static FormatException Fail(string message) => new(message);

    private static string Name(Token token) => token switch
    {
        Token.End => "end of query",
        Token.Tag => "tag",
        Token.String => "string",
        Token.Number => "number",
        Token.Time => "timestamp",
        Token.Date => "datestamp",
        Token.And => "AND operator",
        Token.Contains => "CONTAINS operator",
        Token.Exists => "EXISTS operator",
        Token.Eq => "= operator",
        Token.Lt => "< operator",
        Token.Leq => "<= operator",
        Token.Gt => "> operator",
        _ => ">= operator",
    };
}
