using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Safeguard.Core.Data;
using Safeguard.Core.Security;

namespace Safeguard.Core.Operations;

/// <summary>
/// Backing up a database while Safeguard runs, restoring a backup into a new database, and checking that a restored
/// database is the backup it came from (docs/operations.md, "Backup and restore"). SQLite: the online backup into one
/// file. PostgreSQL: pg_dump's custom format. Either way a manifest beside the backup says what it holds.
/// </summary>
public sealed class DatabaseBackups(TimeProvider time)
{
    public async Task<BackupResult> BackupAsync(DatabaseProvider provider, string connectionString, string output, bool force, CancellationToken ct)
    {
        output = Path.GetFullPath(output);
        var manifestPath = DatabaseManifest.PathFor(output);
        if (!Directory.Exists(Path.GetDirectoryName(output))) throw new BackupInputException($"The folder {Path.GetDirectoryName(output)} does not exist.");
        if (!force && (File.Exists(output) || File.Exists(manifestPath)))
        {
            throw new BackupInputException($"{output} already exists. Choose another file, or pass --force to replace it.");
        }
        if (provider == DatabaseProvider.Sqlite && SqliteBackup.FileOf(connectionString) == output)
        {
            throw new BackupInputException("The backup cannot be written over the database it backs up.");
        }
        var started = time.GetTimestamp();
        await SealAuditChainAsync(provider, connectionString, ct);
        var partial = output + ".partial";
        TimeSpan? copied = null;
        try
        {
            File.Delete(partial);
            DatabaseManifest manifest;
            if (provider == DatabaseProvider.Sqlite)
            {
                await Task.Run(() => SqliteBackup.Copy(connectionString, SqliteBackup.ForFile(partial)), ct);
                copied = time.GetElapsedTime(started);
                SqliteBackup.MakeSingleFile(partial);
                manifest = await ReadSqliteManifestAsync(partial, ct);
            }
            else
            {
                // pg_dump and the manifest are read at once, in the same snapshot.
                manifest = await PostgresBackup.DumpAsync(connectionString, partial, time, ct);
            }
            File.Move(partial, output, overwrite: true);
            await manifest.WriteAsync(manifestPath, ct);
            var elapsed = time.GetElapsedTime(started);
            return new BackupResult(output, manifestPath, new FileInfo(output).Length, manifest, elapsed, copied ?? elapsed);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Restores the backup into the database the connection string names, then checks it against the backup's manifest
    /// (for SQLite without one, against the backup file itself).
    /// </summary>
    public async Task<RestoreResult> RestoreAsync(DatabaseProvider provider, string connectionString, string input, string? manifestPath,
        bool force, CancellationToken ct, Audit.Chain.ChainAnchorFile? anchor = null)
    {
        input = Path.GetFullPath(input);
        if (!File.Exists(input)) throw new BackupInputException($"There is no backup {input}.");
        manifestPath ??= DatabaseManifest.PathFor(input);
        var expected = File.Exists(manifestPath) ? await DatabaseManifest.ReadAsync(manifestPath, ct)
            : provider == DatabaseProvider.Sqlite ? await ReadSqliteManifestAsync(input, ct)
            : throw new BackupInputException($"There is no manifest {manifestPath} to check the restored database against. Pass --manifest FILE.");
        if (expected.Provider != provider.ToString())
        {
            throw new BackupInputException($"The backup is of a {expected.Provider} database; it cannot be restored into {provider}.");
        }
        var started = time.GetTimestamp();
        var target = provider == DatabaseProvider.Sqlite
            ? await Task.Run(() => RestoreSqlite(connectionString, input, force), ct)
            : await PostgresBackup.RestoreAsync(connectionString, input, force, ct);
        var restoreTime = time.GetElapsedTime(started);
        var verification = await VerifyAsync(provider, connectionString, expected, ct, anchor);
        return new RestoreResult(target, restoreTime, verification);
    }

    /// <summary>Checks a database against a backup's manifest: every <see cref="RestoreChecks"/> check, in order.</summary>
    public async Task<BackupVerification> VerifyAsync(DatabaseProvider provider, string connectionString, DatabaseManifest expected, CancellationToken ct,
        Audit.Chain.ChainAnchorFile? anchor = null)
    {
        if (provider == DatabaseProvider.Sqlite && !File.Exists(SqliteBackup.FileOf(connectionString)))
        {
            throw new BackupInputException($"There is no database file {SqliteBackup.FileOf(connectionString)}.");
        }
        var started = time.GetTimestamp();
        await using var connection = provider == DatabaseProvider.Sqlite
            ? (System.Data.Common.DbConnection)new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString())
            : new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var db = Context(provider, connection);
        var found = await ManifestReader.ReadAsync(db, provider, time, ct);
        var restored = new RestoredDatabase(db, expected, found, anchor);
        var outcomes = new List<CheckOutcome>();
        foreach (var check in RestoreChecks.All)
        {
            outcomes.Add(new CheckOutcome(check.Name, await check.DifferencesAsync(restored, ct)));
        }
        var schema = await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).CheckAsync(ct);
        return new BackupVerification(found, outcomes, schema, time.GetElapsedTime(started));
    }

    /// <summary>
    /// The events committed so far chained before they are copied, so the backup carries them sealed. Best effort: a
    /// writer holding SQLite's write lock for long, or the database busy for now (DatabaseUnavailable), must not stop a backup; the
    /// events left unsealed are sealed later, in the database and in a restored copy alike.
    /// </summary>
    private async Task SealAuditChainAsync(DatabaseProvider provider, string connectionString, CancellationToken ct)
    {
        await using var connection = provider == DatabaseProvider.Sqlite
            ? (System.Data.Common.DbConnection)new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 1 }.ToString())
            : new NpgsqlConnection(connectionString);
        await using var db = Context(provider, connection);
        try
        {
            await new Audit.Chain.AuditSealer(db).SealAsync(ct);
        }
        catch (Exception ex) when (DatabaseUnavailable.IsTransient(ex))
        {
        }
    }

    private RestoreTarget RestoreSqlite(string connectionString, string input, bool force)
    {
        var file = SqliteBackup.FileOf(connectionString);
        if (file == input) throw new BackupInputException("A backup cannot be restored over itself.");
        var inUse = SqliteBackup.SeemsInUse(file);
        var exists = File.Exists(file) && new FileInfo(file).Length > 0;
        if (exists && !force)
        {
            throw new BackupInputException($"The database file {file} already exists"
                + (inUse ? " and seems to be in use (its write-ahead log is there: is Safeguard running on it?)" : "")
                + ". Restore into a new file, or pass --force to replace its contents.");
        }
        if (exists)
        {
            // Through SQLite's own locks, so a process that has the file open sees the restored pages, not a file swapped under it.
            SqliteBackup.Copy(SqliteBackup.ForFile(input), connectionString);
            return new RestoreTarget($"'{file}'", Replaced: true, WasInUse: inUse);
        }
        var partial = file + ".restoring";
        try
        {
            File.Delete(partial);
            SqliteBackup.Copy(SqliteBackup.ForFile(input), SqliteBackup.ForFile(partial));
            File.Move(partial, file, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        return new RestoreTarget($"'{file}'", Replaced: false, WasInUse: false);
    }

    private async Task<DatabaseManifest> ReadSqliteManifestAsync(string file, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(SqliteBackup.ForFile(file));
        await connection.OpenAsync(ct);
        await using var db = Context(DatabaseProvider.Sqlite, connection);
        return await ManifestReader.ReadAsync(db, DatabaseProvider.Sqlite, time, ct);
    }

    private SafeguardDbContext Context(DatabaseProvider provider, System.Data.Common.DbConnection connection) =>
        new(DatabaseOptions.Build(provider, connection), new FixedActorContext(Actor.System), time);
}

/// <param name="Copied">Until the copy was made (SQLite; the manifest is read from it after) or the dump was written (PostgreSQL).</param>
public sealed record BackupResult(string Output, string ManifestPath, long Bytes, DatabaseManifest Manifest, TimeSpan Elapsed, TimeSpan Copied);

public sealed record RestoreResult(RestoreTarget Target, TimeSpan RestoreTime, BackupVerification Verification);

public sealed record CheckOutcome(string Name, IReadOnlyList<string> Differences)
{
    public bool Passed => Differences.Count == 0;
}

/// <summary>What the checks found; <see cref="Schema"/> says whether this version of Safeguard can use the database as it is.</summary>
public sealed record BackupVerification(DatabaseManifest Found, IReadOnlyList<CheckOutcome> Checks, SchemaStatus Schema, TimeSpan Elapsed)
{
    public bool IsIntact => Checks.All(c => c.Passed);
}
