using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core;
using Safeguard.Core.Data;
using Safeguard.Core.Security;

namespace Safeguard.Cli.Commands;

/// <summary>
/// Which database a command works on: --provider/--connection, else the same environment variables as the web app
/// (Database__Provider, ConnectionStrings__Safeguard), else an SQLite file safeguard.db in the current folder.
/// Before any command that uses the database runs, <see cref="CheckAsync"/> makes sure it exists and is migrated
/// (except for the commands that migrate it themselves).
/// </summary>
internal static class CliDatabase
{
    public static readonly Option<string?> Provider = new("--provider") { Description = "Sqlite or Postgres (default: Database__Provider, else Sqlite)" };
    public static readonly Option<string?> Connection = new("--connection") { Description = "Connection string (default: ConnectionStrings__Safeguard, else Data Source=safeguard.db)" };

    /// <summary>Exit code of a command refused because the database is missing, not migrated or cannot be reached.</summary>
    public const int DatabaseNotReady = 1;

    private static readonly HashSet<Command> UncheckedCommands = [];

    /// <param name="migratesItself">The command migrates the database first (migrate, seed), so it needs no check.</param>
    /// <param name="checksItself">The command makes the database or says itself what state it is in (restore, backup verify).</param>
    public static void AddOptionsTo(Command command, bool migratesItself = false, bool checksItself = false)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
        if (migratesItself || checksItself) UncheckedCommands.Add(command);
    }

    /// <summary>The command uses the database and neither migrates nor checks it itself.</summary>
    public static bool NeedsMigratedDatabase(Command command) =>
        command.Options.Contains(Connection) && !UncheckedCommands.Contains(command);

    public static (DatabaseProvider Provider, string ConnectionString) Resolve(ParseResult parse)
    {
        var provider = DatabaseOptions.ParseProvider(parse.GetValue(Provider) ?? Environment.GetEnvironmentVariable("Database__Provider"));
        var connection = parse.GetValue(Connection)
            ?? Environment.GetEnvironmentVariable("ConnectionStrings__Safeguard")
            ?? DatabaseOptions.DefaultSqliteConnection;
        if (provider == DatabaseProvider.Sqlite) connection = DatabaseOptions.NormaliseSqlite(connection, Directory.GetCurrentDirectory());
        return (provider, connection);
    }

    /// <summary>
    /// The owner's connection, for the commands that change the schema or its rights (migrate, database roles):
    /// --connection, else ConnectionStrings__Owner, else the same as <see cref="Resolve"/> (docs/operations.md, "Audit chain").
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) ResolveOwner(ParseResult parse)
    {
        var (provider, connection) = Resolve(parse);
        if (parse.GetValue(Connection) is null && Environment.GetEnvironmentVariable("ConnectionStrings__Owner") is { Length: > 0 } owner)
        {
            connection = provider == DatabaseProvider.Sqlite ? DatabaseOptions.NormaliseSqlite(owner, Directory.GetCurrentDirectory()) : owner;
        }
        return (provider, connection);
    }

    public static ServiceProvider Services(DatabaseProvider provider, string connection, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // Events written by a command name the operator's login on this machine.
        services.AddScoped<IActorContext>(_ => new FixedActorContext(new Actor(null, $"{Environment.UserName} (safeguard command)")));
        services.AddSafeguardCore(provider, connection, Environment.GetEnvironmentVariable("Calendar__BankHolidaysFile"));
        services.Configure<Core.Audit.Chain.ChainAnchorSettings>(s => s.AnchorPath = Environment.GetEnvironmentVariable("AuditChain__AnchorPath"));
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// One line saying why the database cannot be used yet and how to fix it (no schema, pending migrations, no such
    /// PostgreSQL database, server not reachable), or null when it is ready. Changes nothing: an SQLite file that is not
    /// there is not created.
    /// </summary>
    public static async Task<string?> CheckAsync(ParseResult parse, CancellationToken ct)
    {
        var (provider, connection) = Resolve(parse);
        try
        {
            await using var services = Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            var status = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().CheckAsync(ct);
            return status.Describe(provider, connection);
        }
        catch (Exception ex) when (DatabaseProblem.Describe(ex, provider, connection) is { } problem)
        {
            return problem;
        }
    }
}
