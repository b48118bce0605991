using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguard.Core.Data;
using Safeguard.TestCommon;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>
/// What the web app does on start with a database that is not there, not migrated, or on a server it cannot reach:
/// the real startup code (AddSafeguard, PrepareDatabaseAsync), and the real app run as a process for the exit code.
/// </summary>
public sealed class DatabaseStartupTests
{
    private static WebApplication Build(DatabaseProvider provider, string connection, bool migrateOnStart)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Safeguard"] = connection,
            ["Database:MigrateOnStart"] = migrateOnStart.ToString(),
            ["Demo:SeedOnStart"] = "false",
        });
        builder.AddSafeguard();
        return builder.Build();
    }

    /// <summary>A database of the configured provider that does not exist yet (no SQLite file; no PostgreSQL database of that name).</summary>
    private sealed class MissingDatabase : IAsyncDisposable
    {
        private readonly string? _file;
        private readonly string? _postgresName;

        public MissingDatabase()
        {
            Provider = TestDatabase.ConfiguredProvider;
            if (Provider == DatabaseProvider.Postgres)
            {
                _postgresName = $"sg_test_missing_{Guid.NewGuid():N}";
                Connection = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresAdminConnectionString) { Database = _postgresName }.ConnectionString;
            }
            else
            {
                Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-tests"));
                _file = Path.Combine(Path.GetTempPath(), "safeguard-tests", $"{Guid.NewGuid():N}.db");
                Connection = $"Data Source={_file};Pooling=False";
            }
        }

        public DatabaseProvider Provider { get; }
        public string Connection { get; }

        public async ValueTask DisposeAsync()
        {
            if (_file is not null)
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
            }
            if (_postgresName is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(TestDatabase.PostgresAdminConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    [Fact]
    public async Task MigrateOnStart_WithADatabaseThatDoesNotExist_CreatesAndMigratesIt()
    {
        await using var missing = new MissingDatabase();
        await using var app = Build(missing.Provider, missing.Connection, migrateOnStart: true);

        await app.PrepareDatabaseAsync();

        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().CheckAsync()).IsReady.ShouldBeTrue();
    }

    [Fact]
    public async Task WithoutMigrateOnStart_ADatabaseThatDoesNotExist_IsOneLineSayingSo_AndNothingIsCreated()
    {
        await using var missing = new MissingDatabase();
        await using var app = Build(missing.Provider, missing.Connection, migrateOnStart: false);

        var refused = await Should.ThrowAsync<DatabaseUnavailableException>(app.PrepareDatabaseAsync);

        refused.Message.ShouldNotContain("\n");
        refused.Message.ShouldContain(missing.Provider == DatabaseProvider.Postgres ? "does not exist" : "has no Safeguard schema");
        refused.Message.ShouldContain("Database__MigrateOnStart=true");
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Database.CanConnectAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task WithoutMigrateOnStart_ADatabaseWithPendingMigrations_IsRefusedSayingHowMany()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using (var db = database.CreateContext())
        {
            await Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db)
                .MigrateAsync(db.Database.GetMigrations().ToList()[^2]);
        }
        await using var app = Build(database.Provider, database.ConnectionString, migrateOnStart: false);

        var refused = await Should.ThrowAsync<DatabaseUnavailableException>(app.PrepareDatabaseAsync);

        refused.Message.ShouldBe("The database has 1 pending migration. Run `safeguard migrate` or start with Database__MigrateOnStart=true.");
    }

    [Fact]
    public async Task APostgresServerThatCannotBeReached_IsOneLine()
    {
        await using var app = Build(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Username=safeguard;Database=safeguard;Timeout=5", migrateOnStart: true);

        var refused = await Should.ThrowAsync<DatabaseUnavailableException>(app.PrepareDatabaseAsync);

        refused.Message.ShouldStartWith("Cannot reach the PostgreSQL server for the database 'safeguard' on 127.0.0.1:1");
        refused.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task TheWebApp_StartedAgainstAServerThatCannotBeReached_PrintsOneLine_AndExitsWithOne()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "Safeguard.Web.dll"), "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Safeguard"] = "Host=127.0.0.1;Port=1;Username=safeguard;Database=safeguard;Timeout=5";

        using var process = Process.Start(start)!;
        var readErr = process.StandardError.ReadToEndAsync();
        var readOut = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The web app did not stop on a database it cannot reach.");
        }
        var (stdErr, stdOut) = (await readErr, await readOut);

        process.ExitCode.ShouldBe(1, stdOut);
        stdErr.TrimEnd().ShouldStartWith("Cannot reach the PostgreSQL server for the database 'safeguard' on 127.0.0.1:1");
        stdErr.TrimEnd().ShouldNotContain("\n");
        stdOut.ShouldNotContain("Exception");
    }
}
