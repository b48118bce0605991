using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;

namespace Safeguard.Cli.Commands;

/// <summary>`safeguard migrate`: creates the database when the server has none of that name, then applies pending migrations.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create the database if it does not exist, then apply any pending migrations");
        CliDatabase.AddOptionsTo(command, migratesItself: true);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var (provider, connection) = CliDatabase.ResolveOwner(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
            var applied = await migrator.MigrateAsync(ct);
            if (migrator.CreatedDatabase) output.WriteLine($"Created the {provider} database {DatabaseProblem.Where(provider, connection)}.");
            output.WriteLine(applied.Count == 0
                ? $"The {provider} database is up to date."
                : $"Applied {applied.Count} migration(s) to the {provider} database: {string.Join(", ", applied)}");
            return 0;
        });
        return command;
    }
}
