using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Data;

public sealed class WriterConnectionTests
{
    [Fact]
    public async Task TheWritersConnection_GetsItsOwnSettings_OnEachDatabase()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        await WriterConnection.ConfigureAsync(connection);

        await using var command = connection.CreateCommand();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            command.CommandText = "PRAGMA cache_size;";
            (await command.ExecuteScalarAsync()).ShouldBe(-16384L);
        }
        else
        {
            command.CommandText = "SHOW plan_cache_mode;";
            (await command.ExecuteScalarAsync()).ShouldBe("force_custom_plan");
        }
    }
}
