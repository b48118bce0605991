using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Core.Data;
using Safeguard.Core.Intake;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Intake;

public sealed class WriterConnectionTests
{
    [Fact]
    public async Task TheWritersConnection_GetsItsOwnSettings_AndItsChecksArePlannedForTheirValuesOnPostgreSql()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        await WriterConnection.ConfigureAsync(connection);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await WriterConnection.PlanForValuesAsync(db.Database, true, blocking: false);
        var during = await SettingAsync(db, database.Provider);
        await WriterConnection.PlanForValuesAsync(db.Database, false, blocking: true);
        var after = await SettingAsync(db, database.Provider);

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            during.ShouldBe("-16384");
            after.ShouldBe("-16384");
        }
        else
        {
            during.ShouldBe("force_custom_plan");
            after.ShouldBe("auto");
        }
    }

    private static async Task<string?> SettingAsync(SafeguardDbContext db, DatabaseProvider provider)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = provider == DatabaseProvider.Sqlite ? "PRAGMA cache_size;" : "SHOW plan_cache_mode;";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
