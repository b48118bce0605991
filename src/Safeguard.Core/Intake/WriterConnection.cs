using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Safeguard.Core.Intake;

/// <summary>Settings for the connection the intake writer keeps open for as long as the process runs.</summary>
internal static class WriterConnection
{
    /// <summary>
    /// SQLite: a 16 MB page cache. Nobody else commits, so its cache stays valid from one transaction to the next, and
    /// inserting into a dozen indexes finds their pages there instead of reading them back from the file (the default
    /// 2 MB is soon outgrown). Not more: SQLite walks the whole cache at the end of every write transaction, which at
    /// 64 MB cost more than the reads it saved (profiled: 5.4% of the writer's CPU against 1.0% at 16 MB). Nothing to
    /// set elsewhere.
    /// </summary>
    public static async Task ConfigureAsync(DbConnection connection, CancellationToken ct = default)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection) return;
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size=-16384;";
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// PostgreSQL, inside a transaction: from now until <paramref name="forValues"/> is set false again (or the
    /// transaction ends), plan each statement for the values it is given. The writer's connection lives as long as the
    /// process and its statements are prepared once; after five runs PostgreSQL may keep one generic plan until the
    /// tables' statistics next change, and one made while the tables were nearly empty scanned them whole on every batch
    /// (seen in the benchmark: the idempotency and reference checks). The writer's checks are cheap to plan, so they are
    /// planned each time. Not its inserts: a custom plan there also re-plans every foreign-key check, which cost a tenth
    /// of the throughput.
    /// No-op on SQLite: without statistics, its plans do not depend on how big the tables are.
    /// </summary>
    public static async Task PlanForValuesAsync(DatabaseFacade database, bool forValues, bool blocking, CancellationToken ct = default)
    {
        if (!database.IsNpgsql()) return;
        var sql = forValues ? "SET LOCAL plan_cache_mode = force_custom_plan" : "SET LOCAL plan_cache_mode = auto";
        if (blocking) database.ExecuteSqlRaw(sql);
        else await database.ExecuteSqlRawAsync(sql, ct);
    }
}
