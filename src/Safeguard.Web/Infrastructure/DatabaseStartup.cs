using Safeguard.Core.Data;
using Safeguard.Core.Seeding;

namespace Safeguard.Web.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>Applies migrations (Database:MigrateOnStart) and seeds the demo council into an empty database (Demo:SeedOnStart).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var config = app.Configuration;
        if (config.GetValue("Database:MigrateOnStart", true))
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }
        if (config.GetValue("Demo:SeedOnStart", false))
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoCouncil>().SeedIfEmptyAsync();
            if (seeded) app.Logger.LogInformation("Seeded the demo council {Council}", DemoAccounts.CouncilName);
        }
    }
}
