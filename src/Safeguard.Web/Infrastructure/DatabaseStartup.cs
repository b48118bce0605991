using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Seeding;

namespace Safeguard.Web.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies migrations (Database:MigrateOnStart, creating a PostgreSQL database that does not exist yet) and seeds
    /// the demo council into an empty database (Demo:SeedOnStart). Without MigrateOnStart the database must already be
    /// migrated. A database that cannot be used (not there, not migrated, server not reachable) is a
    /// <see cref="DatabaseUnavailableException"/> whose message says so in one line; Program prints it and exits with 1.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var config = app.Configuration;
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var provider = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var connection = db.Database.GetConnectionString() ?? "";
        try
        {
            var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
            if (config.GetValue("Database:MigrateOnStart", true))
            {
                await migrator.MigrateAsync();
                if (migrator.CreatedDatabase) app.Logger.LogInformation("Created the database {Database}", DatabaseProblem.Where(provider, connection));
            }
            else if ((await migrator.CheckAsync()).Describe(provider, connection) is { } problem)
            {
                throw new DatabaseUnavailableException(problem.Replace("Run `safeguard migrate` first", "Run `safeguard migrate` or start with Database__MigrateOnStart=true", StringComparison.Ordinal));
            }
            if (config.GetValue("Demo:SeedOnStart", false))
            {
                var seeded = await scope.ServiceProvider.GetRequiredService<DemoCouncil>().SeedIfEmptyAsync();
                if (seeded) app.Logger.LogInformation("Seeded the demo council {Council}", DemoAccounts.CouncilName);
            }
        }
        catch (Exception ex) when (ex is not DatabaseUnavailableException && DatabaseProblem.Describe(ex, provider, connection) is { } problem)
        {
            throw new DatabaseUnavailableException(problem, ex);
        }
    }
}
