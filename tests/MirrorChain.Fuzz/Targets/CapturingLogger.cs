using Microsoft.Extensions.Logging;

namespace MirrorChain.Fuzz.Targets;

/// <summary>Records what the RPC and LCD layers log as errors: they log every exception they had to catch as unexpected.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly List<string> _errors = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Error)
        {
            _errors.Add($"{formatter(state, exception)}: {exception?.GetType().FullName}: {exception?.Message}\n{exception?.StackTrace}");
        }
    }

    /// <summary>The errors logged since the last call, or null.</summary>
    public string? Take()
    {
        if (_errors.Count == 0)
        {
            return null;
        }
        var all = string.Join("\n", _errors);
        _errors.Clear();
        return "logged as unexpected: " + all;
    }
}
