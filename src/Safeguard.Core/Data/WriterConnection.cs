using System.Data.Common;

namespace Safeguard.Core.Data;

/// <summary>Settings for the connection the intake writer keeps open for as long as the process runs.</summary>
internal static class WriterConnection
{
    /// <summary>
    /// <list type="bullet">
    /// <item>SQLite: a 16 MB page cache. Nobody else commits, so its cache stays valid from one transaction to the next,
    /// and inserting into a dozen indexes finds their pages there instead of reading them back from the file (the default
    /// 2 MB is soon outgrown). Not more: SQLite walks the whole cache at the end of every write transaction, which at
    /// 64 MB cost more than the reads it saved (profiled: 5.4% of the writer's CPU against 1.0% at 16 MB).</item>
    /// <item>PostgreSQL: every statement planned for the values it is given (<c>plan_cache_mode=force_custom_plan</c>).
    /// Its statements are prepared once and kept, and after five runs PostgreSQL may keep one generic plan for good; on
    /// this connection that plan can be made while the tables are nearly empty and then outlive them by months. Seen in
    /// the benchmark: the idempotency and reference checks planned as sequential scans of an empty table, then scanning
    /// tens of thousands of rows every batch. Its few queries are cheap to plan.</item>
    /// </list>
    /// </summary>
    public static async Task ConfigureAsync(DbConnection connection, CancellationToken ct = default)
    {
        var sql = connection switch
        {
            Microsoft.Data.Sqlite.SqliteConnection => "PRAGMA cache_size=-16384;",
            Npgsql.NpgsqlConnection => "SET plan_cache_mode = force_custom_plan;",
            _ => null,
        };
        if (sql is null) return;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
