using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core;
using Safeguard.Core.Data;

namespace Safeguard.Cli.Commands;

/// <summary>
/// Which database a command works on: --provider/--connection, else the same environment variables as the web app
/// (Database__Provider, ConnectionStrings__Safeguard), else an SQLite file safeguard.db in the current folder.
/// </summary>
internal static class CliDatabase
{
    public static readonly Option<string?> Provider = new("--provider") { Description = "Sqlite or Postgres (default: Database__Provider, else Sqlite)" };
    public static readonly Option<string?> Connection = new("--connection") { Description = "Connection string (default: ConnectionStrings__Safeguard, else Data Source=safeguard.db)" };

    public static void AddOptionsTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    public static (DatabaseProvider Provider, string ConnectionString) Resolve(ParseResult parse)
    {
        var provider = DatabaseOptions.ParseProvider(parse.GetValue(Provider) ?? Environment.GetEnvironmentVariable("Database__Provider"));
        var connection = parse.GetValue(Connection)
            ?? Environment.GetEnvironmentVariable("ConnectionStrings__Safeguard")
            ?? DatabaseOptions.DefaultSqliteConnection;
        if (provider == DatabaseProvider.Sqlite) connection = DatabaseOptions.NormaliseSqlite(connection, Directory.GetCurrentDirectory());
        return (provider, connection);
    }

    public static ServiceProvider Services(DatabaseProvider provider, string connection)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSafeguardCore(provider, connection, Environment.GetEnvironmentVariable("Calendar__BankHolidaysFile"));
        return services.BuildServiceProvider();
    }
}
