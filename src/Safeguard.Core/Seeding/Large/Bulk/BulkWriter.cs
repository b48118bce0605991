using System.Data.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.Seeding.Large.Bulk;

/// <summary>
/// Writes rows straight to the database, bypassing EF change tracking, in the representation EF itself uses
/// (Guid, UTC DateTime, DateOnly, bool and enum names as text). One call writes several tables in one transaction.
/// </summary>
internal abstract class BulkWriter : IAsyncDisposable
{
    public abstract DbConnection Connection { get; }

    public abstract Task WriteAsync(IReadOnlyList<TableRows> tables, CancellationToken ct);

    /// <summary>Runs after the last write: statistics for the query planner.</summary>
    public abstract Task FinishAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    public static async Task<BulkWriter> OpenAsync(DatabaseProvider provider, string connectionString, CancellationToken ct) =>
        provider switch
        {
            DatabaseProvider.Sqlite => await SqliteBulkWriter.OpenAsync(connectionString, ct),
            DatabaseProvider.Postgres => await PostgresBulkWriter.OpenAsync(connectionString, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };

    /// <summary>Runs a query on the writer's connection and maps each row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    protected static string Quote(string identifier) => $"\"{identifier}\"";
}
