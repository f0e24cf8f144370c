namespace MirrorChain.CosmWasm;

/// <summary>
/// The syntax rules of serde-json-wasm 0.3 (cosmwasm-std 0.16's <c>from_slice</c>), checked over a whole message
/// before System.Text.Json sees it, with serde-json-wasm's error texts (serde-json-wasm v0.3.1 src/de/errors.rs
/// <c>Display</c>, including its "ora" typo). Every string, key or value, is unescaped as serde-json-wasm's
/// <c>unescape</c> does, so a lone surrogate anywhere fails the message ("Found a lone surrogate …") instead of
/// surfacing later as a .NET <see cref="InvalidOperationException"/>; invalid UTF-8 is "Invalid unicode code point.".
/// </summary>
public static class SerdeJsonSyntax
{
    /// <summary>Deeper nesting is refused (serde-json-wasm recurses without a limit until the Wasm stack runs out).</summary>
    public const int MaxDepth = 128;

    public const string ControlCharacterInString = "Control character found in string.";
    public const string EofWhileParsingList = "EOF while parsing a list.";
    public const string EofWhileParsingObject = "EOF while parsing an object.";
    public const string EofWhileParsingString = "EOF while parsing a string.";
    public const string EofWhileParsingValue = "EOF while parsing a JSON value.";
    public const string ExpectedColon = "Expected this character to be a `':'`.";
    public const string ExpectedHighSurrogate = "Expected a high surrogate (D800–DBFF).";
    public const string ExpectedListCommaOrEnd = "Expected this character to be either a `','` ora `']'`.";
    public const string ExpectedLowSurrogate = "Expected a low surrogate (DC00–DFFF).";
    public const string ExpectedObjectCommaOrEnd = "Expected this character to be either a `','` or a `'}'`.";
    public const string ExpectedSomeIdent = "Expected to parse either a `true`, `false`, or a `null`.";
    public const string ExpectedSomeValue = "Expected this character to start a JSON value.";
    public const string InvalidEscape = "Invalid escape sequence.";
    public const string InvalidNumber = "Invalid number.";
    public const string InvalidType = "Invalid type";
    public const string InvalidUnicodeCodePoint = "Invalid unicode code point.";
    public const string KeyMustBeAString = "Object key is not a string.";
    public const string LoneSurrogateFound = "Found a lone surrogate, which can exist in JSON but cannot be encoded to UTF-8.";
    public const string TrailingCharacters = "JSON has non-whitespace trailing characters after the value.";
    public const string TrailingComma = "JSON has a comma after the last value in an array or map.";
    public const string RecursionLimitExceeded = "recursion limit exceeded";

    /// <summary>The first syntax error of <paramref name="json"/> as serde-json-wasm words it, or null when it is one valid JSON value.</summary>
    public static string? FirstError(ReadOnlySpan<byte> json)
    {
        var p = new Parser(json);
        return p.Document();
    }

    private ref struct Parser(ReadOnlySpan<byte> s)
    {
        private readonly ReadOnlySpan<byte> _s = s;
        private int _i;

        public string? Document()
        {
            if (Value(0) is { } error)
            {
                return error;
            }
            return Peek() is null ? null : TrailingCharacters;
        }

        private byte? Peek()
        {
            while (_i < _s.Length && _s[_i] is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r')
            {
                _i++;
            }
            return _i < _s.Length ? _s[_i] : null;
        }

        private string? Value(int depth)
        {
            if (depth >= MaxDepth)
            {
                return RecursionLimitExceeded;
            }
            switch (Peek())
            {
                case null:
                    return EofWhileParsingValue;
                case (byte)'{':
                    _i++;
                    return Object(depth + 1);
                case (byte)'[':
                    _i++;
                    return Array(depth + 1);
                case (byte)'"':
                    _i++;
                    return String();
                case (byte)'t':
                    return Ident("true"u8);
                case (byte)'f':
                    return Ident("false"u8);
                case (byte)'n':
                    return Ident("null"u8);
                case (byte)'-':
                case >= (byte)'0' and <= (byte)'9':
                    return Number();
                default:
                    return ExpectedSomeValue;
            }
        }

        private string? Ident(ReadOnlySpan<byte> ident)
        {
            foreach (var c in ident)
            {
                if (_i >= _s.Length || _s[_i] != c)
                {
                    return ExpectedSomeIdent;
                }
                _i++;
            }
            return null;
        }

        private string? Number()
        {
            if (_s[_i] == '-')
            {
                _i++;
            }
            if (_i >= _s.Length || !IsDigit(_s[_i]))
            {
                return InvalidNumber;
            }
            if (_s[_i] == '0')
            {
                _i++;
            }
            else
            {
                Digits();
            }
            if (_i < _s.Length && _s[_i] == '.')
            {
                _i++;
                if (Digits() == 0)
                {
                    return InvalidNumber;
                }
            }
            if (_i < _s.Length && _s[_i] is (byte)'e' or (byte)'E')
            {
                _i++;
                if (_i < _s.Length && _s[_i] is (byte)'+' or (byte)'-')
                {
                    _i++;
                }
                if (Digits() == 0)
                {
                    return InvalidNumber;
                }
            }
            return null;
        }

        private int Digits()
        {
            var start = _i;
            while (_i < _s.Length && IsDigit(_s[_i]))
            {
                _i++;
            }
            return _i - start;
        }

        private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';

        private string? Object(int depth)
        {
            var first = true;
            while (true)
            {
                var c = Peek();
                if (c is null)
                {
                    return EofWhileParsingObject;
                }
                if (c == '}')
                {
                    if (!first)
                    {
                        return TrailingComma;
                    }
                    _i++;
                    return null;
                }
                if (c != '"')
                {
                    return KeyMustBeAString;
                }
                _i++;
                if (String() is { } keyError)
                {
                    return keyError;
                }
                c = Peek();
                if (c is null)
                {
                    return EofWhileParsingObject;
                }
                if (c != ':')
                {
                    return ExpectedColon;
                }
                _i++;
                if (Value(depth) is { } valueError)
                {
                    return valueError;
                }
                c = Peek();
                if (c is null)
                {
                    return EofWhileParsingObject;
                }
                if (c == '}')
                {
                    _i++;
                    return null;
                }
                if (c != ',')
                {
                    return ExpectedObjectCommaOrEnd;
                }
                _i++;
                first = false;
            }
        }

        private string? Array(int depth)
        {
            var first = true;
            while (true)
            {
                var c = Peek();
                if (c is null)
                {
                    return EofWhileParsingList;
                }
                if (c == ']')
                {
                    if (!first)
                    {
                        return TrailingComma;
                    }
                    _i++;
                    return null;
                }
                if (Value(depth) is { } error)
                {
                    return error;
                }
                c = Peek();
                if (c is null)
                {
                    return EofWhileParsingList;
                }
                if (c == ']')
                {
                    _i++;
                    return null;
                }
                if (c != ',')
                {
                    return ExpectedListCommaOrEnd;
                }
                _i++;
                first = false;
            }
        }

        /// <summary>After the opening quote: finds the closing one, then checks the content as serde-json-wasm's unescape.</summary>
        private string? String()
        {
            var start = _i;
            var escaped = false;
            while (true)
            {
                if (_i >= _s.Length)
                {
                    return EofWhileParsingString;
                }
                var c = _s[_i++];
                if (c == '\\')
                {
                    escaped = !escaped;
                }
                else if (c == '"' && !escaped)
                {
                    return Content(_s[start..(_i - 1)]);
                }
                else
                {
                    escaped = false;
                }
            }
        }

        private static string? Content(ReadOnlySpan<byte> raw)
        {
            var highSurrogate = false;
            for (var k = 0; k < raw.Length; k++)
            {
                var c = raw[k];
                if (c <= 0x1F)
                {
                    return ControlCharacterInString;
                }
                if (c != '\\')
                {
                    if (highSurrogate)
                    {
                        return LoneSurrogateFound;
                    }
                    continue;
                }
                if (++k >= raw.Length)
                {
                    return InvalidEscape;
                }
                switch (raw[k])
                {
                    case (byte)'"' or (byte)'/' or (byte)'\\' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                        break;
                    case (byte)'u':
                        if (k + 4 >= raw.Length)
                        {
                            return InvalidEscape;
                        }
                        var code = 0;
                        for (var h = 1; h <= 4; h++)
                        {
                            var d = HexValue(raw[k + h]);
                            if (d < 0)
                            {
                                return InvalidEscape;
                            }
                            code = (code << 4) | d;
                        }
                        k += 4;
                        if (code is >= 0xD800 and <= 0xDFFF)
                        {
                            if (highSurrogate)
                            {
                                if (code < 0xDC00)
                                {
                                    return ExpectedLowSurrogate;
                                }
                                highSurrogate = false;
                            }
                            else if (code > 0xDBFF)
                            {
                                return ExpectedHighSurrogate;
                            }
                            else
                            {
                                highSurrogate = true;
                            }
                        }
                        break;
                    default:
                        return InvalidEscape;
                }
            }
            if (highSurrogate)
            {
                return LoneSurrogateFound;
            }
            return IsUtf8(raw) ? null : InvalidUnicodeCodePoint;
        }

        private static int HexValue(byte c) => c switch
        {
            >= (byte)'0' and <= (byte)'9' => c - '0',
            >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
            _ => -1,
        };

        private static bool IsUtf8(ReadOnlySpan<byte> raw) => System.Text.Unicode.Utf8.IsValid(raw);
    }
}
