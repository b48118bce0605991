using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;

namespace Safeguard.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply any pending database migrations");
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            Console.WriteLine(applied.Count == 0
                ? $"The {provider} database is up to date."
                : $"Applied {applied.Count} migration(s) to the {provider} database: {string.Join(", ", applied)}");
            return 0;
        });
        return command;
    }
}
