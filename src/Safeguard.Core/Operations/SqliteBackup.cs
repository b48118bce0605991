using Microsoft.Data.Sqlite;

namespace Safeguard.Core.Operations;

/// <summary>
/// SQLite's online backup: the pages of one database copied into another under a read transaction on the source. In
/// write-ahead-log mode that transaction blocks no writer, so the app keeps writing, and the copy is the database as it
/// was when the copy began: every commit before it, nothing of one after it, no part of one in flight.
/// </summary>
internal static class SqliteBackup
{
    public static void Copy(string sourceConnectionString, string destinationConnectionString)
    {
        using var source = new SqliteConnection(Unpooled(sourceConnectionString));
        source.Open();
        Execute(source, "PRAGMA busy_timeout=10000;");
        using var destination = new SqliteConnection(Unpooled(destinationConnectionString));
        destination.Open();
        Execute(destination, "PRAGMA busy_timeout=10000;");
        source.BackupDatabase(destination);
    }

    /// <summary>A backup is one file that can be copied on its own: no write-ahead log beside it.</summary>
    public static void MakeSingleFile(string file)
    {
        using var connection = new SqliteConnection(ForFile(file));
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=DELETE;");
    }

    public static string ForFile(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

    public static string FileOf(string connectionString) => Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>
    /// Whether another process seems to have the database open: SQLite removes the write-ahead log when the last
    /// connection closes, so one that is there means a running app (or one that stopped without closing).
    /// </summary>
    public static bool SeemsInUse(string file) => File.Exists(file + "-wal");

    private static string Unpooled(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
