using System.CommandLine;
using Safeguard.Core.Data;
using Safeguard.Core.Operations;

namespace Safeguard.Cli.Commands;

/// <summary>
/// `safeguard database roles --app-role NAME`: on PostgreSQL, the application's own login role, which may insert events
/// but not change or delete them; run with the owner's connection (docs/operations.md, "Audit chain").
/// </summary>
internal static class DatabaseCommands
{
    public static Command Create()
    {
        var database = new Command("database", "The database itself");
        database.Subcommands.Add(CreateRoles());
        return database;
    }

    private static Command CreateRoles()
    {
        var role = new Option<string>("--app-role") { Description = "The application's login role (created if it is not there)", Required = true };
        var password = new Option<string?>("--app-password") { Description = "Its password (default: the variable SAFEGUARD_APP_PASSWORD; unchanged if neither)" };
        var command = new Command("roles", "PostgreSQL: create or update the application's role, which cannot change or delete events (run as the owner)")
        {
            role, password,
        };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (provider, connection) = CliDatabase.ResolveOwner(parse);
            var name = parse.GetValue(role)!;
            if (provider != DatabaseProvider.Postgres)
            {
                Console.Error.WriteLine("Roles are for PostgreSQL: an SQLite file has none (its events are protected by triggers; see docs/operations.md).");
                return 2;
            }
            if (!PostgresRoles.IsValidName(name))
            {
                Console.Error.WriteLine("--app-role: Enter a role name of lower-case letters, digits and underscores, starting with a letter.");
                return 2;
            }
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("SAFEGUARD_APP_PASSWORD");
            return await BackupOutcome.RunAsync(async () =>
            {
                await PostgresRoles.GrantAsync(connection, name, secret, ct);
                Console.WriteLine($"The role {name} may now read and write Safeguard's tables, insert and seal events, and not change or delete them.");
                return 0;
            });
        });
        return command;
    }
}
