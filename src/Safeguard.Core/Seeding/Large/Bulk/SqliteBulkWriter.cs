using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Safeguard.Core.Seeding.Large.Bulk;

/// <summary>
/// SQLite: one prepared, parameterised INSERT per table, reused for every row inside large transactions.
/// <c>synchronous=OFF</c> (and WAL) hold only while seeding on this connection; the previous settings are restored.
/// Values are bound as CLR values, so Microsoft.Data.Sqlite stores them exactly as it does for EF: Guid as
/// upper-case text, DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF", DateOnly as "yyyy-MM-dd", bool as 0/1.
/// </summary>
internal sealed class SqliteBulkWriter : BulkWriter
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<Table, SqliteCommand> _commands = [];
    private readonly string _journalMode;
    private readonly long _synchronous;

    private SqliteBulkWriter(SqliteConnection connection, string journalMode, long synchronous)
    {
        _connection = connection;
        _journalMode = journalMode;
        _synchronous = synchronous;
    }

    public override DbConnection Connection => _connection;

    public static async Task<SqliteBulkWriter> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var journal = (string?)await Scalar(connection, "PRAGMA journal_mode", ct) ?? "delete";
        var synchronous = (long?)await Scalar(connection, "PRAGMA synchronous", ct) ?? 2;
        await Scalar(connection, "PRAGMA journal_mode=WAL", ct);
        await Scalar(connection, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; " +
            "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY", ct);
        return new SqliteBulkWriter(connection, journal, synchronous);
    }

    public override async Task WriteAsync(IReadOnlyList<TableRows> tables, CancellationToken ct)
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(ct);
        foreach (var rows in tables)
        {
            if (rows.Rows.Count == 0) continue;
            var command = Command(rows.Table);
            command.Transaction = transaction;
            var parameters = command.Parameters;
            foreach (var row in rows.Rows)
            {
                for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
                command.ExecuteNonQuery();
            }
        }
        await transaction.CommitAsync(ct);
    }

    public override async Task FinishAsync(CancellationToken ct)
    {
        await ExecuteAsync("PRAGMA optimize", ct);
        await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
    }

    private SqliteCommand Command(Table table)
    {
        if (_commands.TryGetValue(table, out var command)) return command;
        command = _connection.CreateCommand();
        var names = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        var values = string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"));
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({values})";
        for (var i = 0; i < table.Columns.Length; i++) command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
        command.Prepare();
        _commands[table] = command;
        return command;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        try
        {
            await Scalar(_connection, $"PRAGMA synchronous={_synchronous}", CancellationToken.None);
            await Scalar(_connection, $"PRAGMA journal_mode={_journalMode}", CancellationToken.None);
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
