using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Safeguard.Core.Data;

/// <summary>Applies any pending migrations. Used by `safeguard migrate` and on start of the web app.</summary>
public sealed class DatabaseMigrator(SafeguardDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
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
}
