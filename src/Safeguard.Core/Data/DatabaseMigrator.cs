using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Safeguard.Core.Data;

/// <summary>
/// Applies any pending migrations (creating the database first when the server has none of that name), and says
/// whether a database is ready to use. Used by `safeguard migrate`, by every other `safeguard` command that needs the
/// database, and on start of the web app.
/// </summary>
public sealed class DatabaseMigrator(SafeguardDbContext db, ILogger<DatabaseMigrator> logger)
{
    /// <summary>True when the last <see cref="MigrateAsync"/> had to create the database itself.</summary>
    public bool CreatedDatabase { get; private set; }

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            // On PostgreSQL a database that does not exist would otherwise fail with 3D000 on the next line.
            logger.LogInformation("Creating the database");
            await creator.CreateAsync(ct);
            CreatedDatabase = true;
        }
        // A new database has no migration history table. On PostgreSQL, EF finds that out by querying it and logging
        // the failure at Error level (dotnet/efcore#37328), twice, which reads as a failed install on a council's first
        // start. So the table is made first (EF's own CREATE ... IF NOT EXISTS), and nothing fails.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }
        return pending;
    }

    /// <summary>Whether the database exists and has every migration of this version applied, without changing anything.</summary>
    public async Task<SchemaStatus> CheckAsync(CancellationToken ct = default)
    {
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct)) return new SchemaStatus(SchemaState.NoDatabase, 0);
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct)) return new SchemaStatus(SchemaState.NoSchema, 0);
        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(m => m.MigrationId).ToHashSet(StringComparer.Ordinal);
        if (applied.Count == 0) return new SchemaStatus(SchemaState.NoSchema, 0);
        var known = db.Database.GetMigrations().ToList();
        var unknown = applied.Count(id => !known.Contains(id));
        if (unknown > 0) return new SchemaStatus(SchemaState.Newer, unknown);
        var pending = known.Count(id => !applied.Contains(id));
        return new SchemaStatus(pending == 0 ? SchemaState.Ready : SchemaState.Pending, pending);
    }
}

public enum SchemaState { Ready, NoDatabase, NoSchema, Pending, Newer }

/// <summary>What <see cref="DatabaseMigrator.CheckAsync"/> found; <see cref="Problem"/> says it in one line with the fix.</summary>
public sealed record SchemaStatus(SchemaState State, int Count)
{
    public const string Fix = "Run `safeguard migrate` first.";

    public bool IsReady => State == SchemaState.Ready;

    /// <summary><see cref="Problem"/>, naming the database that does not exist.</summary>
    public string? Describe(DatabaseProvider provider, string connectionString) => State switch
    {
        SchemaState.NoDatabase when provider == DatabaseProvider.Postgres => DatabaseProblem.NoDatabase(provider, connectionString),
        SchemaState.NoDatabase => $"The database has no Safeguard schema (there is no file {DatabaseProblem.Where(provider, connectionString)}). {Fix}",
        _ => Problem,
    };

    public string? Problem => State switch
    {
        SchemaState.Ready => null,
        SchemaState.NoDatabase => $"The database does not exist. Run `safeguard migrate` first: it creates it.",
        SchemaState.NoSchema => $"The database has no Safeguard schema. {Fix}",
        SchemaState.Pending => $"The database has {Count} pending migration{(Count == 1 ? "" : "s")}. {Fix}",
        _ => $"The database has {Count} migration{(Count == 1 ? "" : "s")} that this version of Safeguard does not know: it was "
            + "migrated by a newer version. Run that version instead.",
    };
}
