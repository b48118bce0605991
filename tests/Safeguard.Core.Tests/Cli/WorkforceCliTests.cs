using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Safeguard.Core.Data;
using Safeguard.Core.Tests.Timescales;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Cli;

/// <summary>
/// The real `safeguard` command, run as a process against a real database of the configured provider: the organisation
/// and team commands, and the one-line refusal of any command when the database is not there or not migrated.
/// </summary>
public sealed class WorkforceCliTests(CalendarCliTests.CliFixture cli) : IClassFixture<CalendarCliTests.CliFixture>
{
    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.ConnectionString];

    private static void ShouldBeOneLine(string text) => text.TrimEnd('\n', '\r').ShouldNotContain("\n");

    [Fact]
    public async Task Organisation_AddListRenameRetire_WorkWithoutSql_AndAreRecorded()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();

        var added = cli.Run(On(database, "organisation", "add", "--name", "Riverside Primary School", "--kind", "education", "--reason", "New school"));
        var duplicate = cli.Run(On(database, "organisation", "add", "--name", "riverside primary school", "--kind", "Education"));
        var renamed = cli.Run(On(database, "organisation", "rename", "--name", "Riverside Primary School", "--to", "Riverside Academy", "--reason", "Became an academy"));
        var retired = cli.Run(On(database, "organisation", "retire", "--name", "riverside academy", "--reason", "Closed"));
        var active = cli.Run(On(database, "organisation", "list"));
        var all = cli.Run(On(database, "organisation", "list", "--all"));

        added.ExitCode.ShouldBe(0, added.StdErr);
        added.StdOut.ShouldBe("Added Riverside Primary School (Education, CIN referral source 2A (default for its kind))." + Environment.NewLine);
        duplicate.ExitCode.ShouldBe(2);
        duplicate.StdErr.ShouldBe("--name: There is already an organisation called riverside primary school." + Environment.NewLine);
        renamed.ExitCode.ShouldBe(0, renamed.StdErr);
        retired.ExitCode.ShouldBe(0, retired.StdErr);
        active.StdOut.ShouldContain("There are no organisations");
        all.StdOut.ShouldContain("Riverside Academy");
        all.StdOut.ShouldContain("retired ");
        await using var db = database.CreateContext();
        var events = await db.Events.Where(e => e.SubjectType == nameof(Organisation)).OrderBy(e => e.Id).ToListAsync();
        events.Select(e => e.Type).ShouldBe([OrganisationAdded.Name, OrganisationChanged.Name, OrganisationRetired.Name]);
        events.Select(e => e.Reason).ShouldBe(["New school", "Became an academy", "Closed"]);
        events.ShouldAllBe(e => e.ActorName.EndsWith("(safeguard command)"));
    }

    [Fact]
    public async Task PartnerKeyCreate_ForARetiredOrganisation_IsRefusedInOneLine()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        cli.Run(On(database, "organisation", "add", "--name", "Eastshire Police", "--kind", "Police")).ExitCode.ShouldBe(0);
        cli.Run(On(database, "organisation", "retire", "--name", "Eastshire Police", "--reason", "Merged")).ExitCode.ShouldBe(0);

        var result = cli.Run(On(database, "partner-key", "create", "--organisation", "Eastshire Police"));

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldStartWith("Eastshire Police is retired and can no longer refer");
        ShouldBeOneLine(result.StdErr);
    }

    [Fact]
    public async Task Team_AddListRenameRetire_AndRetiringATeamWithOpenWork_IsRefusedWithExitCodeTwo()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateContext())
        {
            await TestData.CreateCouncilAsync(db);
            await TestData.Intake(db).RecordAsync(TestData.Contact(TestData.Child()));
        }
        string frontDoor;
        await using (var db = database.CreateContext())
        {
            frontDoor = await db.Teams.Where(t => t.Kind == TeamKind.FrontDoor).Select(t => t.Name).SingleAsync();
        }

        var added = cli.Run(On(database, "team", "add", "--name", "Zz Front Door", "--kind", "front-door"));
        var renamed = cli.Run(On(database, "team", "rename", "--name", "zz front door", "--to", "Zz Front Door South", "--reason", "Area"));
        var refused = cli.Run(On(database, "team", "retire", "--name", frontDoor, "--reason", "Merged"));
        var list = cli.Run(On(database, "team", "list"));

        added.ExitCode.ShouldBe(0, added.StdErr);
        added.StdOut.ShouldBe("Added Zz Front Door (Front door (MASH))." + Environment.NewLine);
        renamed.ExitCode.ShouldBe(0, renamed.StdErr);
        refused.ExitCode.ShouldBe(2);
        refused.StdErr.ShouldStartWith($"{frontDoor} still owns ");
        refused.StdErr.ShouldContain("1 screening decision");
        refused.StdErr.ShouldEndWith("all in the team's tray). Move or close them before retiring the team." + Environment.NewLine);
        list.StdOut.ShouldContain("Zz Front Door South");
        list.StdOut.Split('\n')[0].ShouldStartWith("NAME");
    }

    [Theory]
    [InlineData("partner-key", "create", "--organisation", "Northbridge Police")]
    [InlineData("partner-key", "list")]
    [InlineData("organisation", "list")]
    [InlineData("team", "add", "--name", "Assessment", "--kind", "Assessment")]
    [InlineData("people", "sweep")]
    public async Task AnyCommand_OnADatabaseWithNoSchema_SaysSoInOneLine_WithExitCodeOne(params string[] command)
    {
        await using var database = await TestDatabase.CreateEmptyAsync();

        var result = cli.Run(On(database, command));

        result.ExitCode.ShouldBe(1);
        result.StdOut.ShouldBeEmpty();
        result.StdErr.ShouldStartWith("The database has no Safeguard schema");
        result.StdErr.TrimEnd().ShouldEndWith("Run `safeguard migrate` first.");
        ShouldBeOneLine(result.StdErr);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource).ShouldBeFalse("the check creates no file");
        }
    }

    [Fact]
    public async Task AnyCommand_OnADatabaseWithPendingMigrations_SaysHowManyInOneLine_AndMigrateFixesIt()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^3]);
        }

        var refused = cli.Run(On(database, "organisation", "list"));
        var migrated = cli.Run(On(database, "migrate"));
        var listed = cli.Run(On(database, "organisation", "list"));

        refused.ExitCode.ShouldBe(1);
        refused.StdErr.ShouldBe("The database has 2 pending migrations. Run `safeguard migrate` first." + Environment.NewLine);
        migrated.ExitCode.ShouldBe(0, migrated.StdErr);
        listed.ExitCode.ShouldBe(0, listed.StdErr);
    }

    [Fact]
    public async Task ADatabaseThatDoesNotExist_IsRefusedInOneLine_ThenCreatedByMigrate()
    {
        string provider, connection;
        string? postgresName = null;
        if (TestDatabase.ConfiguredProvider == DatabaseProvider.Postgres)
        {
            postgresName = $"sg_test_missing_{Guid.NewGuid():N}";
            (provider, connection) = ("Postgres", new NpgsqlConnectionStringBuilder(TestDatabase.PostgresAdminConnectionString) { Database = postgresName }.ConnectionString);
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), "safeguard-tests", $"{Guid.NewGuid():N}.db");
            (provider, connection) = ("Sqlite", $"Data Source={file};Pooling=False");
        }
        try
        {
            var refused = cli.Run("organisation", "list", "--provider", provider, "--connection", connection);
            var migrated = cli.Run("migrate", "--provider", provider, "--connection", connection);
            var listed = cli.Run("organisation", "list", "--provider", provider, "--connection", connection);

            refused.ExitCode.ShouldBe(1);
            ShouldBeOneLine(refused.StdErr);
            refused.StdErr.ShouldContain(postgresName is null ? "has no Safeguard schema" : $"The PostgreSQL database '{postgresName}' on ");
            refused.StdErr.ShouldContain("Run `safeguard migrate` first");
            migrated.ExitCode.ShouldBe(0, migrated.StdErr);
            migrated.StdOut.ShouldStartWith($"Created the {provider} database ");
            listed.ExitCode.ShouldBe(0, listed.StdErr);
            listed.StdOut.ShouldContain("There are no organisations");
        }
        finally
        {
            if (postgresName is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(TestDatabase.PostgresAdminConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    [Theory]
    [InlineData("organisation", "list")]
    [InlineData("migrate")]
    public void APostgresServerThatCannotBeReached_IsOneLine_NotAStackTrace(params string[] command)
    {
        var result = cli.Run([.. command, "--provider", "Postgres", "--connection", "Host=127.0.0.1;Port=1;Username=safeguard;Database=safeguard;Timeout=5"]);

        result.ExitCode.ShouldBe(1);
        result.StdErr.ShouldStartWith("Cannot reach the PostgreSQL server for the database 'safeguard' on 127.0.0.1:1");
        ShouldBeOneLine(result.StdErr);
        result.StdErr.ShouldNotContain(" at ");
    }
}
