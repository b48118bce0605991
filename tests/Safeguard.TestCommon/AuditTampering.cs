using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.TestCommon;

/// <summary>
/// What someone with the database itself can do to events, for the tests that show the audit chain finds it. On
/// PostgreSQL the tests connect as an administrator, whom the events' trigger lets through (as it lets the owner); on
/// SQLite whoever has the file can drop the triggers, so this does.
/// </summary>
public static class AuditTampering
{
    public static async Task AllowAsync(SafeguardDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER IF EXISTS "Events_NeverDeleted"; DROP TRIGGER IF EXISTS "Events_SealedOnce";""");
        }
    }
}
