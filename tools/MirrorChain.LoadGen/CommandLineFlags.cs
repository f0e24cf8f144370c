using System.Globalization;

namespace MirrorChain.LoadGen;

/// <summary>
/// The flag grammar the project's tools share: <c>--flag value</c> or <c>--flag=value</c>, left to right, each flag
/// folded into an immutable options record; every mistake is a <see cref="FormatException"/> naming the flag.
/// </summary>
internal static class CommandLineFlags
{
    /// <summary>One flag being read: its name, and its value taken from <c>=value</c> or the next argument.</summary>
    internal sealed class Flag(string name, string raw, Func<string> value)
    {
        public string Name { get; } = name;

        public string Value() => value();

        public int Int(int min, int max)
        {
            var text = Value();
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < min || parsed > max)
            {
                throw new FormatException($"{Name} must be an integer in [{min}, {max}], got '{text}'");
            }
            return parsed;
        }

        public FormatException Unknown() => new($"unknown argument '{raw}'");
    }

    public static T Fold<T>(IReadOnlyList<string> args, T options, Func<T, Flag, T> apply)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var raw = args[i];
            var name = raw;
            string? inline = null;
            var eq = raw.IndexOf('=', StringComparison.Ordinal);
            if (raw.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = raw[(eq + 1)..];
                name = raw[..eq];
            }
            options = apply(options, new Flag(name, raw, () => inline ?? (++i < args.Count ? args[i] : throw new FormatException($"{name} needs a value"))));
        }
        return options;
    }
}
