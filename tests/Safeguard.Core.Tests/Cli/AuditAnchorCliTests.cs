using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Audit.Chain;
using Safeguard.Core.Tests.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Cli;

/// <summary>`safeguard audit verify --anchor`, `safeguard audit anchor reset` and `safeguard restore --anchor`, run as the real command.</summary>
public sealed class AuditAnchorCliTests(CalendarCliTests.CliFixture cli) : IClassFixture<CalendarCliTests.CliFixture>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safeguard-anchor-cli").FullName;
    private TestDatabase _database = default!;
    private ChainAnchoring _anchoring = default!;

    private string AnchorFile => Path.Combine(_folder, ChainAnchorFile.FileName);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using (var db = _database.CreateContext()) await TestData.CreateCouncilAsync(db);
        _anchoring = new ChainAnchoring(Options.Create(new ChainAnchorSettings { AnchorPath = _folder }), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.ConnectionString];

    private async Task<long> SealAndAnchorAsync()
    {
        await using var db = _database.CreateContext();
        for (var i = 0; i < 3; i++) await TestData.PersonAsync(db, "Ava", $"Cli{Guid.NewGuid():N}"[..12], new DateOnly(2019, 1, 1));
        return (await new AuditSealer(db, _anchoring).SealAsync(CancellationToken.None)).LastSequence;
    }

    [Fact]
    public async Task Verify_WithTheAnchor_NamesTheMissingTail_WithExitCodeThree_UntilAResetRecordsIt()
    {
        var anchored = await SealAndAnchorAsync();
        var intact = cli.Run(On(_database, "audit", "verify", "--anchor", AnchorFile));
        var unanchored = cli.Run(On(_database, "audit", "verify"));
        await using (var db = _database.CreateContext())
        {
            await AuditTampering.AllowAsync(db);
            await AuditTampering.DeleteSealedAfterAsync(db, anchored - 2);
        }

        var truncated = cli.Run(On(_database, "audit", "verify", "--no-seal", "--anchor", AnchorFile));
        var reset = cli.Run(On(_database, "audit", "anchor", "reset", "--anchor-path", _folder, "--reason", "Restored last night's backup"));
        var afterReset = cli.Run(On(_database, "audit", "verify", "--no-seal", "--anchor", AnchorFile));

        intact.ExitCode.ShouldBe(0, intact.StdOut + intact.StdErr);
        intact.StdOut.ShouldContain("Anchor: the chain holds its anchor");
        unanchored.ExitCode.ShouldBe(0, unanchored.StdOut + unanchored.StdErr);
        unanchored.StdOut.ShouldContain("Anchor: no anchor: truncation of the newest events cannot be detected");
        truncated.ExitCode.ShouldBe(3, truncated.StdOut + truncated.StdErr);
        truncated.StdOut.ShouldContain($"Anchor: the chain ends at {anchored - 2:N0} but was anchored at {anchored:N0} on ");
        truncated.StdOut.ShouldContain($"events after {anchored - 2:N0} are missing (the first missing is chain position {anchored - 1:N0})");
        reset.ExitCode.ShouldBe(0, reset.StdOut + reset.StdErr);
        reset.StdOut.ShouldContain($"v1 reset {anchored - 2} ");
        afterReset.ExitCode.ShouldBe(0, afterReset.StdOut + afterReset.StdErr);
        afterReset.StdOut.ShouldContain("(a reset: Restored last night's backup)");
    }

    [Fact]
    public async Task Verify_WithAGarbledAnchorLine_SaysWhichLine_AndUsesTheRest()
    {
        await SealAndAnchorAsync();
        await File.AppendAllTextAsync(AnchorFile, "not an anchor\n");

        var verify = cli.Run(On(_database, "audit", "verify", "--no-seal", "--anchor", AnchorFile));

        verify.ExitCode.ShouldBe(0, verify.StdOut + verify.StdErr);
        verify.StdErr.ShouldContain($"The anchor file {AnchorFile} has a line that is not an anchor, left out: line 2: it has fewer than the six parts");
        verify.StdOut.ShouldContain("Anchor: the chain holds its anchor");
    }

    [Fact]
    public async Task Restore_OfABackupOlderThanTheAnchor_ShowsItTruncated_AndSaysHowToAcknowledgeIt()
    {
        await SealAndAnchorAsync();
        var backup = Path.Combine(_folder, "older.backup");
        cli.Run(On(_database, "backup", "--output", backup)).ExitCode.ShouldBe(0);
        var anchored = await SealAndAnchorAsync();
        await using var target = await TestDatabase.CreateEmptyAsync();

        var restore = cli.Run(On(target, "restore", "--input", backup, "--anchor", AnchorFile));

        restore.ExitCode.ShouldBe(3, restore.StdOut + restore.StdErr);
        restore.StdOut.ShouldContain($"Against the anchor: the chain ends at ");
        restore.StdOut.ShouldContain($"but was anchored at {anchored:N0} on ");
        restore.StdOut.ShouldContain("safeguard audit anchor reset --reason");
    }
}
