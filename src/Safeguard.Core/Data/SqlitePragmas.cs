using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.Core.Data;

/// <summary>
/// Every SQLite connection: write-ahead log, full fsync on commit (an acknowledged save survives a power cut),
/// foreign keys enforced, and a busy timeout so concurrent writers wait instead of failing. (A bigger page cache or memory
/// mapping made partner intake slower, not faster: in WAL mode a reader's cache is thrown away whenever another
/// connection commits, and a mapping is remade as the file grows.)
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

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
