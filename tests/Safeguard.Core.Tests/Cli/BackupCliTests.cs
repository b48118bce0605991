using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Operations;
using Safeguard.Core.Tests.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Cli;

/// <summary>`safeguard backup`, `safeguard restore` and `safeguard backup verify`, run as the real command against the configured provider.</summary>
public sealed class BackupCliTests(CalendarCliTests.CliFixture cli) : IClassFixture<CalendarCliTests.CliFixture>
{
    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.ConnectionString];

    [Fact]
    public async Task BackupThenRestore_IntoANewDatabase_SaysTheRestoredDatabaseIsTheBackup_AndRefusesToOverwrite()
    {
        await using var source = await TestDatabase.CreateMigratedAsync();
        await using var target = await TestDatabase.CreateEmptyAsync();
        await using (var db = source.CreateContext())
        {
            await TestData.CreateCouncilAsync(db);
            await TestData.Intake(db).RecordAsync(TestData.Contact(TestData.Child()));
        }
        var folder = Directory.CreateTempSubdirectory("safeguard-backup-cli").FullName;
        var file = Path.Combine(folder, "council.backup");
        try
        {
            var backup = cli.Run(On(source, "backup", "--output", file));
            var again = cli.Run(On(source, "backup", "--output", file));
            var restore = cli.Run(On(target, "restore", "--input", file));
            var overwrite = cli.Run(On(target, "restore", "--input", file));
            var verify = cli.Run(On(target, "backup", "verify", "--manifest", DatabaseManifest.PathFor(file)));

            backup.ExitCode.ShouldBe(0, backup.StdErr);
            backup.StdOut.ShouldStartWith($"Backed up the {source.Provider} database to {file}");
            File.Exists(DatabaseManifest.PathFor(file)).ShouldBeTrue();
            again.ExitCode.ShouldBe(2);
            again.StdErr.ShouldBe($"{file} already exists. Choose another file, or pass --force to replace it.{Environment.NewLine}");
            restore.ExitCode.ShouldBe(0, restore.StdOut + restore.StdErr);
            restore.StdOut.ShouldContain("The database is the backup:");
            overwrite.ExitCode.ShouldBe(2);
            overwrite.StdErr.ShouldContain("pass --force to replace its contents.");
            verify.ExitCode.ShouldBe(0, verify.StdOut + verify.StdErr);
            await using var restored = target.CreateContext();
            (await restored.Contacts.CountAsync()).ShouldBe(1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task BackupVerify_OfADatabaseThatDiffers_ListsTheDifferences_WithExitCodeThree()
    {
        await using var source = await TestDatabase.CreateMigratedAsync();
        await using (var db = source.CreateContext()) await TestData.CreateCouncilAsync(db);
        var folder = Directory.CreateTempSubdirectory("safeguard-backup-cli").FullName;
        var file = Path.Combine(folder, "council.backup");
        try
        {
            cli.Run(On(source, "backup", "--output", file)).ExitCode.ShouldBe(0);
            await using (var db = source.CreateContext()) await TestData.Intake(db).RecordAsync(TestData.Contact(TestData.Child()));

            var verify = cli.Run(On(source, "backup", "verify", "--manifest", DatabaseManifest.PathFor(file)));

            verify.ExitCode.ShouldBe(3);
            verify.StdOut.ShouldContain("Table Contacts has 1 rows; the backup had 0.");
            verify.StdErr.ShouldContain("The database is not the backup");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
