using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.Core.Data;

/// <summary>
/// Every SQLite connection: write-ahead log, full fsync on commit (an acknowledged save survives a power cut),
/// foreign keys enforced, and a busy timeout so concurrent writers wait instead of failing. (A bigger page cache or memory
/// mapping for every connection made partner intake slower, not faster: in WAL mode a reader's cache is thrown away
/// whenever another connection commits, and a mapping is remade as the file grows. The intake writer's own connection is
/// the exception: see <see cref="ForLongLivedWriterAsync"/>.)
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    /// <summary>
    /// A 16 MB page cache for a connection that stays open and is the one that writes (the intake writer). Nobody else
    /// commits, so its cache stays valid from one transaction to the next, and inserting into a dozen indexes finds their
    /// pages there instead of reading them back from the file (the default 2 MB is soon outgrown). Not more: SQLite walks
    /// the whole cache at the end of every write transaction, which at 64 MB cost more than the reads it saved
    /// (profiled: 5.4% of the writer's CPU against 1.0% at 16 MB). No-op elsewhere.
    /// </summary>
    public static async Task ForLongLivedWriterAsync(DbConnection connection, CancellationToken ct = default)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection) return;
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size=-16384;";
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Turns off SQLite's memory statistics, process-wide, before the library starts. With them on, every allocation
    /// SQLite makes takes one global mutex, and intake's parallel lookups (which allocate as they compile each statement)
    /// made the intake writer wait on it: 9% of the writer's time was spent in futex calls. Safeguard never reads the
    /// statistics. Too late once any connection has opened (SQLite then refuses the change, and nothing else differs).
    /// </summary>
    /// <returns>Whether the statistics are off (false: the library had already started).</returns>
    public static bool ConfigureLibrary() => LibraryConfigured.Value == SqliteOk;

    private const int SqliteOk = 0;

    private const int SqliteConfigMemStatus = 9;

    private static readonly Lazy<int> LibraryConfigured = new(() =>
    {
        // Loads the native library (Microsoft.Data.Sqlite does so when SqliteConnection is first touched) without opening it.
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Microsoft.Data.Sqlite.SqliteConnection).TypeHandle);
        return SQLitePCL.raw.sqlite3_config(SqliteConfigMemStatus, 0);
    });

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
