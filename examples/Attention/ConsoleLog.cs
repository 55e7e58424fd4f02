using Microsoft.Extensions.Logging;

namespace Kittens.Examples.Attention;

/// <summary>
/// The smallest logger that shows the runtime's events: one line each on standard error
/// (standard output keeps the results), Debug and up. An application would hand
/// <c>KittensLogging.LoggerFactory</c> the factory of its host instead.
/// </summary>
internal sealed class ConsoleLog : ILoggerFactory, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) { }

    public void Dispose() { }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        string level = logLevel switch
        {
            LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "error",
            LogLevel.Critical => "crit",
            _ => "trace",
        };
        string line = $"[{level}] {eventId.Name}: {formatter(state, exception)}";
        Console.Error.WriteLine(exception is null ? line : line + Environment.NewLine + "  " + exception.Message);
    }
}
