using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguard.Core.Data;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Data;

/// <summary>The rule for "the database cannot be used just now", against failures real databases raise.</summary>
public sealed class DatabaseUnavailableTests
{
    /// <summary>A real lock held past the busy timeout is in the web tests (DatabaseUnavailableTests); here, how it is wrapped.</summary>
    [Fact]
    public void IsTransient_SqliteBusyOrLocked_AlsoWrappedByEf_IsTransient()
    {
        var busy = new SqliteException("SQLite Error 5: 'database is locked'.", 5);
        var locked = new SqliteException("SQLite Error 6: 'database table is locked'.", 6);

        DatabaseUnavailable.IsTransient(busy).ShouldBeTrue();
        DatabaseUnavailable.IsTransient(locked).ShouldBeTrue();
        DatabaseUnavailable.IsTransient(new DbUpdateException("wrapped", busy)).ShouldBeTrue();
        DatabaseUnavailable.IsTransient(new InvalidOperationException("retry limit exceeded", busy)).ShouldBeTrue();
        DatabaseUnavailable.IsTransient(new SqliteException("SQLite Error 19: 'UNIQUE constraint failed'.", 19)).ShouldBeFalse();
    }

    [Fact]
    public async Task IsTransient_PostgresServerNotListening_IsTransient()
    {
        await using var connection = new NpgsqlConnection("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");

        var failure = await Should.ThrowAsync<NpgsqlException>(() => connection.OpenAsync());

        DatabaseUnavailable.IsTransient(failure).ShouldBeTrue(failure.ToString());
    }

    [Fact]
    public async Task IsTransient_ASqlMistakeOrABrokenRule_IsNot()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM NoSuchTable;";
        var missing = await Should.ThrowAsync<SqliteException>(() => command.ExecuteReaderAsync());

        DatabaseUnavailable.IsTransient(missing).ShouldBeFalse();
        DatabaseUnavailable.IsTransientState("23505").ShouldBeFalse(); // unique violation: the idempotency race, handled by intake
        DatabaseUnavailable.IsTransientState("57P01").ShouldBeTrue(); // terminating connection due to administrator command
        DatabaseUnavailable.IsTransientState("57P03").ShouldBeTrue(); // the database system is starting up / shutting down
        DatabaseUnavailable.IsTransientState("08006").ShouldBeTrue(); // connection failure
    }
}
