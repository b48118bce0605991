using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// Keeps the server's warnings and errors so that a failed journey can quote them: the browser only sees the page.
/// </summary>
public sealed class ServerLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public string Recent(int count = 20)
    {
        var entries = _entries.ToArray();
        return entries.Length == 0 ? "(no server warnings or errors)" : string.Join("\n", entries.TakeLast(count));
    }

    public void Dispose() { }

    private sealed class Collector(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            log._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
        }
    }
}
