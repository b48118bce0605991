using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguard.Core.Data;

namespace Safeguard.Core.Operations;

/// <summary>Reads a <see cref="DatabaseManifest"/> from a database, inside whatever snapshot the context's connection holds.</summary>
internal static class ManifestReader
{
    public static async Task<DatabaseManifest> ReadAsync(SafeguardDbContext db, DatabaseProvider provider, TimeProvider time, CancellationToken ct)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        // Every table the database holds, not only those this version's model knows: a backup keeps them all.
        foreach (var table in await TableNamesAsync(db, provider, ct))
        {
            // The name comes from the database's own catalogue, quoted as an identifier.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            counts[table] = (await db.Database.SqlQueryRaw<long>(sql).ToListAsync(ct)).Single();
        }
        var history = db.GetService<IHistoryRepository>();
        var migrations = await history.ExistsAsync(ct)
            ? (await history.GetAppliedMigrationsAsync(ct)).Select(m => m.MigrationId).Order(StringComparer.Ordinal).ToList()
            : [];
        var events = counts.ContainsKey(EventsTable(db))
            ? await EventSequenceReader.ReadAsync(db, ct)
            : new EventSequence(0, null, null, "", []);
        return new DatabaseManifest(provider.ToString(), time.GetUtcNow(), migrations, counts, events);
    }

    private static string EventsTable(SafeguardDbContext db) =>
        db.Model.FindEntityType(typeof(Audit.EventRecord))!.GetTableName()!;

    private static async Task<List<string>> TableNamesAsync(SafeguardDbContext db, DatabaseProvider provider, CancellationToken ct)
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT tablename::text AS \"Value\" FROM pg_tables WHERE schemaname = current_schema()";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync(ct);
    }
}
