using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Safeguard.Core.Data;

namespace Safeguard.Core.Tests.Data;

public sealed class SqliteLibraryTests
{
    /// <summary>As the app does when it chooses SQLite (<see cref="DatabaseOptions.Configure"/>): before any connection opens.</summary>
    [ModuleInitializer]
    internal static void BeforeAnyConnectionOpens() => SqlitePragmas.ConfigureLibrary();

    [Fact]
    public async Task SqliteKeepsNoMemoryStatistics_SoItsAllocationsTakeNoGlobalLock()
    {
        SqlitePragmas.ConfigureLibrary().ShouldBeTrue();

        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t(x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) " +
            "INSERT INTO t SELECT hex(randomblob(40)) FROM n; SELECT count(*) FROM t;";
        (await command.ExecuteScalarAsync()).ShouldBe(5000L);

        // Counted only while statistics are on: SQLite has allocated plenty by now.
        SQLitePCL.raw.sqlite3_memory_used().ShouldBe(0);
    }
}
