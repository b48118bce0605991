using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Safeguard.Core.Data;

/// <summary>
/// Whether a failure means the database cannot be used just now, so the same request, sent again a little later, can
/// succeed: the server refused or dropped the connection, PostgreSQL is restarting, SQLite stayed busy past its
/// timeout, or a wait timed out. The web answers these with 503 and Retry-After instead of an error that blames the
/// request or the code. A failure that would happen again (a broken rule, a missing table, a wrong password) is not one.
/// </summary>
public static class DatabaseUnavailable
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// True when <paramref name="exception"/>, or an exception it wraps (EF's DbUpdateException, the execution strategy's
    /// InvalidOperationException, a cancellation caused by a timeout), says the database is unavailable for now.
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return IsTransientState(postgres.SqlState);
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case TimeoutException:
                case SocketException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsTransient):
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// PostgreSQL's error codes for a server that cannot be used now (PostgreSQL manual, appendix A): class 08, connection
    /// exception; 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now ("the database system is starting
    /// up" or "shutting down"); 53300 too many connections; 57014 a statement cancelled by its timeout.
    /// </summary>
    public static bool IsTransientState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03" or "53300" or "57014";
}
