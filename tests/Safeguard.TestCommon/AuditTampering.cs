using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.TestCommon;

/// <summary>
/// What someone with the database itself can do to events and their seals, for the tests that show the audit chain finds
/// it. On PostgreSQL the tests connect as an administrator, whom the tables' triggers let through (as they let the owner);
/// on SQLite whoever has the file can drop the triggers, so this does.
/// </summary>
public static class AuditTampering
{
    public static async Task AllowAsync(SafeguardDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("""
                DROP TRIGGER IF EXISTS "Events_NeverDeleted"; DROP TRIGGER IF EXISTS "Events_NeverChanged";
                DROP TRIGGER IF EXISTS "AuditSeals_NeverDeleted"; DROP TRIGGER IF EXISTS "AuditSeals_NeverChanged";
                """);
        }
    }

    /// <summary>The events sealed after <paramref name="position"/> gone with their seals, as an older backup restored leaves
    /// the database; how many events went. Call <see cref="AllowAsync"/> first.</summary>
    public static async Task<int> DeleteSealedAfterAsync(SafeguardDbContext db, long position)
    {
        var ids = await db.AuditSeals.Where(s => s.Sequence > position).Select(s => s.EventId).ToListAsync();
        await db.AuditSeals.Where(s => s.Sequence > position).ExecuteDeleteAsync();
        return await db.Events.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync();
    }

    /// <summary>Each event's chain position, in event id order (null: not sealed yet).</summary>
    public static Task<List<long?>> PositionsInEventOrderAsync(SafeguardDbContext db) =>
        (from e in db.Events
         join s in db.AuditSeals on e.Id equals s.EventId into seal
         from s in seal.DefaultIfEmpty()
         orderby e.Id
         select s == null ? null : (long?)s.Sequence).ToListAsync();
}
