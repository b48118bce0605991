using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.Core.Intake;

/// <summary>
/// Keeps the compiled statements of the SQLite connections that stay open (intake's lookups and its writer), so that a
/// statement run again is not parsed and planned by SQLite again: EF's queries (through this interceptor) and the
/// writer's own inserts (<see cref="AddedRows"/>, through <see cref="Take"/>). Microsoft.Data.Sqlite compiles each new command's
/// SQL, and EF makes a new command for every query: for intake's person-index lookups, compiling was 11% of all the
/// CPU the partner API used, three times what running the statements cost.
/// </summary>
/// <remarks>
/// Only for connections registered with <see cref="KeepFor"/>, only for EF's single SELECT statements and the writer's
/// inserts, and at most <see cref="MaxPerConnection"/> of them: the writer needs one insert per table and a few checks,
/// and a compiled statement holds SQLite memory for as long as it is kept. EF still
/// makes its command and its parameters; a kept command with the same text runs instead, with those parameters, and its
/// reader goes back to EF, which disposes it as usual (that resets the statement, ending its read). A kept command whose
/// reader is still open is not used again until it closes. Everything is dropped when the connection closes (SQLite's
/// provider disposes the connection's commands then).
/// </remarks>
internal sealed class SqliteStatementCache : DbCommandInterceptor
{
    public static readonly SqliteStatementCache Instance = new();

    public const int MaxPerConnection = 32;

    private static readonly ConditionalWeakTable<SqliteConnection, Statements> Kept = new();

    /// <summary>Keeps statements for <paramref name="connection"/> while it stays open (no-op unless it is an open SQLite connection).</summary>
    public static void KeepFor(DbConnection connection)
    {
        if (connection is not SqliteConnection { State: System.Data.ConnectionState.Open } sqlite) return;
        if (Kept.TryGetValue(sqlite, out _)) return;
        Kept.Add(sqlite, new Statements());
        sqlite.StateChange += Forget;
    }

    /// <summary>How many statements are kept for <paramref name="connection"/> (diagnostics and tests).</summary>
    internal static int CountFor(DbConnection connection) =>
        connection is SqliteConnection sqlite && Kept.TryGetValue(sqlite, out var statements) ? statements.Count : 0;

    private static void Forget(object? sender, System.Data.StateChangeEventArgs e)
    {
        if (sender is not SqliteConnection sqlite || e.CurrentState == System.Data.ConnectionState.Open) return;
        sqlite.StateChange -= Forget;
        Kept.Remove(sqlite);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result) => Execute(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Execute(command, result));

    private static InterceptionResult<DbDataReader> Execute(DbCommand command, InterceptionResult<DbDataReader> result)
    {
        if (result.HasResult || command.Connection is not SqliteConnection connection || !Kept.TryGetValue(connection, out var statements)
            || !command.CommandText.StartsWith("SELECT ", StringComparison.Ordinal) || command.CommandText.Contains(';'))
        {
            return result;
        }
        if (statements.Take(connection, command.CommandText) is not { } kept) return result;
        kept.Command.Transaction = (SqliteTransaction?)command.Transaction;
        kept.Command.CommandTimeout = command.CommandTimeout;
        kept.Command.Parameters.Clear();
        foreach (SqliteParameter parameter in command.Parameters) kept.Command.Parameters.Add(parameter);
        kept.Reader = kept.Command.ExecuteReader();
        return InterceptionResult<DbDataReader>.SuppressWithResult(kept.Reader);
    }

    /// <summary>
    /// A kept command for <paramref name="sql"/> on <paramref name="connection"/>, or null when the connection is not kept,
    /// the limit is reached or that command's reader is still open (the caller then makes a command of its own).
    /// </summary>
    public static SqliteCommand? Take(DbConnection connection, string sql) =>
        connection is SqliteConnection sqlite && Kept.TryGetValue(sqlite, out var statements) ? statements.Take(sqlite, sql)?.Command : null;

    private sealed class KeptStatement(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public SqliteDataReader? Reader { get; set; }
    }

    /// <summary>One connection's kept statements; a connection is used by one thread at a time, so no locking.</summary>
    private sealed class Statements
    {
        private readonly Dictionary<string, KeptStatement> _bySql = new(StringComparer.Ordinal);

        public int Count => _bySql.Count;

        public KeptStatement? Take(SqliteConnection connection, string sql)
        {
            if (_bySql.TryGetValue(sql, out var kept)) return kept.Reader is { IsClosed: false } ? null : kept;
            if (_bySql.Count >= MaxPerConnection) return null;
            var command = connection.CreateCommand();
            command.CommandText = sql;
            kept = new KeptStatement(command);
            _bySql[sql] = kept;
            return kept;
        }
    }
}
