using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.Core.Data;

/// <summary>
/// Every SQLite connection: write-ahead log, full fsync on commit (an acknowledged save survives a power cut),
/// foreign keys enforced, and a busy timeout so concurrent writers wait instead of failing. (A bigger page cache or memory
/// mapping for every connection made partner intake slower, not faster: in WAL mode a reader's cache is thrown away
/// whenever another connection commits, and a mapping is remade as the file grows. The intake writer's own connection is
/// the exception: see <see cref="Intake.WriterConnection"/>.)
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

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
