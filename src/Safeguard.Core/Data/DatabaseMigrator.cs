using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Safeguard.Core.Data;

/// <summary>Applies any pending migrations. Used by `safeguard migrate` and on start of the web app.</summary>
public sealed class DatabaseMigrator(SafeguardDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }
        return pending;
    }
}
