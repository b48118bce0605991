using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Data;

public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task ANewDatabase_IsMigratedWithoutAnErrorInTheLog_AndASecondRunHasNothingToDo()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var log = new RecordingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Debug));
        var options = new DbContextOptionsBuilder<SafeguardDbContext>(DatabaseOptions.Build(database.Provider, database.ConnectionString))
            .UseLoggerFactory(loggers)
            .Options;

        await using (var db = new SafeguardDbContext(options, new FixedActorContext(Actor.System), TimeProvider.System))
        {
            var applied = await new DatabaseMigrator(db, loggers.CreateLogger<DatabaseMigrator>()).MigrateAsync();
            applied.ShouldBe(db.Database.GetMigrations().ToList());
        }
        log.Entries.ShouldNotBeEmpty("EF logs its commands at Debug, so an empty log would mean nothing was recorded");
        log.Entries.Where(e => e.Level >= LogLevel.Error).ShouldBeEmpty();

        await using var again = new SafeguardDbContext(options, new FixedActorContext(Actor.System), TimeProvider.System);
        (await new DatabaseMigrator(again, loggers.CreateLogger<DatabaseMigrator>()).MigrateAsync()).ShouldBeEmpty();
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(Entries);

        public void Dispose() { }

        private sealed class Recorder(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
