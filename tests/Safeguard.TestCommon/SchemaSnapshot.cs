using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Safeguard.Core.Data;

namespace Safeguard.TestCommon;

/// <summary>
/// Reads a database's schema (tables, columns with type and nullability, indexes, foreign keys) as sorted lines,
/// so two databases can be compared line by line.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> ReadAsync(DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Sqlite ? await ReadSqliteAsync(connectionString) : await ReadPostgresAsync(connectionString);

    private static async Task<IReadOnlyList<string>> ReadSqliteAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'",
            r => r.GetString(0));
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                r => $"column {table}.{r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} pk={r.GetInt64(3)}"));
            lines.AddRange(await QueryAsync(connection,
                $"SELECT il.name, il.\"unique\", (SELECT group_concat(name, ',') FROM pragma_index_info(il.name)) FROM pragma_index_list('{table}') il WHERE il.origin <> 'pk'",
                r => $"index {table}.{r.GetString(0)} unique={r.GetInt64(1)} ({r.GetString(2)})"));
            lines.AddRange(await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                r => $"fk {table}.{r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} on delete {r.GetString(3)}"));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<IReadOnlyList<string>> ReadPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        lines.AddRange(await QueryAsync(connection,
            """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length, 0), is_nullable, is_identity
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT LIKE '__EFMigrations%'
            """,
            r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)}) nullable={r.GetString(4)} identity={r.GetString(5)}"));
        lines.AddRange(await QueryAsync(connection,
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '__EFMigrations%'",
            r => $"index {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        lines.AddRange(await QueryAsync(connection,
            """
            SELECT tc.table_name, tc.constraint_name, rc.delete_rule
            FROM information_schema.table_constraints tc
            JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
            WHERE tc.table_schema = 'public' AND tc.constraint_type = 'FOREIGN KEY'
            """,
            r => $"fk {r.GetString(0)}.{r.GetString(1)} on delete {r.GetString(2)}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> QueryAsync(DbConnection connection, string sql, Func<DbDataReader, string> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }
}
