using System.Text;
using System.Threading.Channels;

namespace MirrorChain.Cli.Tests;

/// <summary>A TextWriter that hands each written line to a reader waiting with a bounded timeout.</summary>
internal sealed class LineSink : TextWriter
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _partial = new();
    private readonly List<string> _all = [];

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public override void Write(char value)
    {
        lock (_partial)
        {
            if (value == '\n')
            {
                var line = _partial.ToString();
                _partial.Clear();
                lock (_all)
                {
                    _all.Add(line);
                }
                _lines.Writer.TryWrite(line);
            }
            else
            {
                _partial.Append(value);
            }
        }
    }

    /// <summary>The next line, or a failure naming <paramref name="waitingFor"/> after <paramref name="seconds"/> (a generous bound, not a timing assertion).</summary>
    public async Task<string> NextAsync(string waitingFor, int seconds = 90)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _lines.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no line within {seconds} s while waiting for {waitingFor}; lines so far: {string.Join(" | ", All)}");
        }
    }
}
