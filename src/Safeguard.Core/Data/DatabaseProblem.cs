using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Safeguard.Core.Data;

/// <summary>
/// A database that cannot be used, said in one line for an operator: the web app and the `safeguard` command print
/// this and stop with a non-zero exit code instead of a stack trace.
/// </summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public static class DatabaseProblem
{
    /// <summary>One line for an exception that means the database cannot be reached or used; null for anything else.</summary>
    public static string? Describe(Exception exception, DatabaseProvider provider, string connectionString)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DatabaseUnavailableException unavailable:
                    return unavailable.Message;
                case PostgresException { SqlState: "3D000" }:
                    return NoDatabase(provider, connectionString);
                case PostgresException { SqlState: "28P01" or "28000" }:
                    return $"PostgreSQL refused the user name or password for the database {Where(provider, connectionString)}. "
                        + "Check the connection string (ConnectionStrings__Safeguard or --connection).";
                case PostgresException { SqlState: "42501" } when e.Message.Contains("create database", StringComparison.OrdinalIgnoreCase):
                    return $"The PostgreSQL database {Where(provider, connectionString)} does not exist and this user may not create it. "
                        + "Create it (CREATE DATABASE) or give the user CREATEDB, then start again.";
                case PostgresException { SqlState: "42P01" }:
                case SqliteException { SqliteErrorCode: 1 } when e.Message.Contains("no such table", StringComparison.Ordinal):
                    return $"The database has no Safeguard schema. {SchemaStatus.Fix}";
                case NpgsqlException when e.InnerException is SocketException or TimeoutException or IOException:
                    return $"Cannot reach the PostgreSQL server for the database {Where(provider, connectionString)}: "
                        + $"{e.InnerException!.Message.TrimEnd('.')}. Check that the server is running and the connection string "
                        + "(ConnectionStrings__Safeguard or --connection).";
                case SqliteException { SqliteErrorCode: 14 }:
                    return $"Cannot open the SQLite database file {Where(provider, connectionString)}. Check that its folder exists and can be written.";
            }
        }
        return null;
    }

    public static string NoDatabase(DatabaseProvider provider, string connectionString) =>
        $"The PostgreSQL database {Where(provider, connectionString)} does not exist. Run `safeguard migrate` first: it creates it.";

    /// <summary>'name' on host:port (PostgreSQL) or the file's path (SQLite); never the password.</summary>
    public static string Where(DatabaseProvider provider, string connectionString)
    {
        try
        {
            if (provider == DatabaseProvider.Sqlite) return $"'{new SqliteConnectionStringBuilder(connectionString).DataSource}'";
            var csb = new NpgsqlConnectionStringBuilder(connectionString);
            return $"'{csb.Database ?? csb.Username}' on {csb.Host ?? "localhost"}:{csb.Port}";
        }
        catch (ArgumentException)
        {
            return "named in the connection string";
        }
    }
}
