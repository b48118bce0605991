using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguard.Core.Data;
using Safeguard.Core.Security;

namespace Safeguard.TestCommon;

/// <summary>
/// A real, empty database of its own for one test or test class: a SQLite file, or a PostgreSQL database on the
/// server the test script started. The provider comes from SAFEGUARD_TEST_PROVIDER (Sqlite when unset); for
/// PostgreSQL, SAFEGUARD_TEST_POSTGRES must give an administrator connection string, or the test fails.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static DatabaseProvider ConfiguredProvider =>
        DatabaseOptions.ParseProvider(Environment.GetEnvironmentVariable("SAFEGUARD_TEST_PROVIDER"));

    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider? provider = null)
    {
        var chosen = provider ?? ConfiguredProvider;
        if (chosen == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "safeguard-tests");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
            return new TestDatabase(chosen, $"Data Source={file};Pooling=False", file, null);
        }

        var admin = PostgresAdminConnectionString;
        var name = $"sg_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(chosen, csb.ConnectionString, null, name);
    }

    /// <summary>An empty database with every migration applied.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider? provider = null)
    {
        var database = await CreateEmptyAsync(provider);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("SAFEGUARD_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "SAFEGUARD_TEST_POSTGRES is not set. Run the suite with ./test.sh, which starts a PostgreSQL server for the tests.");

    public SafeguardDbContext CreateContext(TimeProvider? time = null, Actor? actor = null) =>
        new(DatabaseOptions.Build(Provider, ConnectionString), new FixedActorContext(actor ?? TestActors.Tester),
            time ?? TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try { File.Delete(_sqliteFile + suffix); } catch (IOException) { }
            }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

public static class TestActors
{
    public static readonly Actor Tester = new(Guid.Parse("00000000-0000-0000-0000-0000000000aa"), "Test worker");
}
