using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguard.Core.Data;
using Safeguard.Core.Security;

namespace Safeguard.Core.Operations;

/// <summary>
/// PostgreSQL's backup: pg_dump's custom format, taken in a snapshot this class exports and reads its manifest in, so
/// that the dump and the manifest describe exactly the same database while the app keeps writing. Restored with pg_restore.
/// </summary>
internal static class PostgresBackup
{
    public static async Task<DatabaseManifest> DumpAsync(string connectionString, string outputFile, TimeProvider time, CancellationToken ct)
    {
        var pgDump = PostgresClientTool.Find("pg_dump");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        string name;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, snapshot))
        {
            name = (string)(await export.ExecuteScalarAsync(ct))!;
        }
        // The snapshot lives as long as this transaction: it stays open until pg_dump has finished.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var dump = pgDump.RunAsync(connectionString, ["--format=custom", $"--snapshot={name}", $"--file={outputFile}"], stop.Token);
        DatabaseManifest manifest;
        try
        {
            await using var db = new SafeguardDbContext(DatabaseOptions.Build(DatabaseProvider.Postgres, connection), new FixedActorContext(Actor.System), time);
            await db.Database.UseTransactionAsync(snapshot, ct);
            manifest = await ManifestReader.ReadAsync(db, DatabaseProvider.Postgres, time, ct);
        }
        catch
        {
            await stop.CancelAsync();
            await dump.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        await dump;
        await snapshot.RollbackAsync(ct);
        return manifest;
    }

    /// <summary>Restores into a new or empty database (created when the server has none of that name), or over one with --force.</summary>
    public static async Task<RestoreTarget> RestoreAsync(string connectionString, string inputFile, bool force, CancellationToken ct)
    {
        var pgRestore = PostgresClientTool.Find("pg_restore");
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var where = DatabaseProblem.Where(DatabaseProvider.Postgres, connectionString);
        var existing = await DescribeAsync(connectionString, target.Database!, ct);
        if (existing is { Tables: > 0 } && !force)
        {
            throw new BackupInputException($"The PostgreSQL database {where} already has {existing.Tables} tables"
                + (existing.OtherConnections > 0 ? $" and {existing.OtherConnections} connections to it are open (is Safeguard running on it?)" : "")
                + ". Restore into a new database, or pass --force to replace its contents.");
        }
        List<string> arguments = ["--no-owner", "--no-privileges", "--exit-on-error"];
        if (existing is { Tables: > 0 }) arguments.AddRange(["--clean", "--if-exists"]);
        arguments.Add(inputFile);
        await pgRestore.RunAsync(connectionString, arguments, ct);
        return new RestoreTarget(where, existing is { Tables: > 0 }, existing?.OtherConnections > 0);
    }

    private sealed record ExistingDatabase(int Tables, int OtherConnections);

    /// <summary>The database's tables and the other connections to it, or null after creating it because it did not exist.</summary>
    private static async Task<ExistingDatabase?> DescribeAsync(string connectionString, string database, CancellationToken ct)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", database);
            if ((long)(await exists.ExecuteScalarAsync(ct))! == 0)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", admin);
                await create.ExecuteNonQueryAsync(ct);
                return null;
            }
        }
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema())::int, "
            + "(SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid())::int", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ExistingDatabase(reader.GetInt32(0), reader.GetInt32(1));
    }
}

/// <summary>Where a restore went, whether it replaced a database's contents, and whether something else was using it.</summary>
public sealed record RestoreTarget(string Where, bool Replaced, bool WasInUse);
