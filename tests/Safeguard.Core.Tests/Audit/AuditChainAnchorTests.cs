using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Audit.Chain;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Audit;

/// <summary>
/// The chain's head anchored outside the database, on both databases: the newest events deleted behind Safeguard's back
/// (as the database's owner) leave links that hold, but a chain that ends before its anchor, which verify names.
/// </summary>
public sealed class AuditChainAnchorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Noon);
    private readonly string _folder = Directory.CreateTempSubdirectory("safeguard-anchor").FullName;
    private TestDatabase _database = default!;
    private ChainAnchoring _anchoring = default!;

    private ChainAnchorFile AnchorFile => _anchoring.File!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using (var db = _database.CreateContext()) await TestData.CreateCouncilAsync(db);
        _anchoring = Anchoring(_folder);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private ChainAnchoring Anchoring(string? folder) =>
        new(Options.Create(new ChainAnchorSettings { AnchorPath = folder }), _time);

    private async Task<SealResult> SealAsync(ChainAnchoring? anchoring)
    {
        await using var db = _database.CreateContext();
        return await new AuditSealer(db, anchoring).SealAsync(CancellationToken.None);
    }

    private async Task<ChainVerification> VerifyAsync(ChainAnchoring? anchoring)
    {
        await using var db = _database.CreateContext();
        return await new AuditChainVerifier(db, anchoring).VerifyAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AnIntactChain_HoldsItsAnchor_WithOneLinePerSealThatAdvancedIt()
    {
        await RecordPeopleAsync(2);
        var first = await SealAsync(_anchoring);
        var nothingNew = await SealAsync(_anchoring);
        await RecordPeopleAsync(2);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await SealAsync(_anchoring);

        var verification = await VerifyAsync(_anchoring);

        nothingNew.Sealed.ShouldBe(0);
        var lines = await File.ReadAllLinesAsync(AnchorFile.Path);
        lines.Length.ShouldBe(2, "one anchor per seal that advanced the chain, none for a seal that found nothing new");
        lines[0].ShouldStartWith($"v1 seal {first.LastSequence} ");
        lines[1].ShouldStartWith($"v1 seal {second.LastSequence} ");
        lines[1].ShouldContain(" 2026-12-04T12:01:00.0000000Z ");
        verification.Intact.ShouldBeTrue();
        verification.Anchor.Outcome.ShouldBe(AnchorOutcome.Holds);
        verification.Anchor.Anchor.ShouldNotBeNull().Position.ShouldBe(second.LastSequence);
        verification.Anchor.Message.ShouldContain($"the chain holds its anchor: it reaches {second.LastSequence:N0}");
    }

    [Fact]
    public async Task TheNewestEventsDeletedByTheOwner_AreFound_NamingTheFirstMissingPosition_AndTheSealerWillNotBuildOnThem()
    {
        await RecordPeopleAsync(4);
        var sealedRun = await SealAsync(_anchoring);
        var anchored = sealedRun.LastSequence;
        var keep = anchored - 3;
        await using (var db = _database.CreateContext())
        {
            await AuditTampering.AllowAsync(db);
            (await AuditTampering.DeleteSealedAfterAsync(db, keep)).ShouldBe(3);
        }
        var withoutAnchor = await VerifyAsync(anchoring: null);
        await RecordPeopleAsync(1);

        var refused = await SealAsync(_anchoring);
        var verification = await VerifyAsync(_anchoring);

        withoutAnchor.Intact.ShouldBeTrue("the links that remain hold: only the anchor shows the loss");
        refused.Sealed.ShouldBe(0);
        refused.Refused.ShouldNotBeNull().ShouldContain($"the chain ends at {keep:N0} but was anchored at {anchored:N0}");
        verification.Intact.ShouldBeFalse();
        verification.Breaks.ShouldBe(0);
        verification.Head.ShouldBe(keep);
        verification.Anchor.Outcome.ShouldBe(AnchorOutcome.Truncated);
        verification.Anchor.FirstMissing.ShouldBe(keep + 1);
        verification.Anchor.Message.ShouldBe($"the chain ends at {keep:N0} but was anchored at {anchored:N0} on 2026-12-04 12:00:00 UTC: "
            + $"events after {keep:N0} are missing (the first missing is chain position {keep + 1:N0})");
    }

    [Fact]
    public async Task TheNewestEventsDeleted_AndTheChainSealedAgainWithoutTheAnchor_AreFoundAsReplaced()
    {
        await RecordPeopleAsync(2);
        var anchored = (await SealAsync(_anchoring)).LastSequence;
        await using (var db = _database.CreateContext())
        {
            await AuditTampering.AllowAsync(db);
            await AuditTampering.DeleteSealedAfterAsync(db, anchored - 2);
        }
        await RecordPeopleAsync(2);
        // A sealer that does not read the anchor (as whoever deleted them would run) covers the gap with new events.
        (await SealAsync(anchoring: null)).LastSequence.ShouldBeGreaterThanOrEqualTo(anchored);

        var verification = await VerifyAsync(_anchoring);

        verification.Breaks.ShouldBe(0);
        verification.Intact.ShouldBeFalse();
        verification.Anchor.Outcome.ShouldBe(AnchorOutcome.Replaced);
        verification.Anchor.Message.ShouldContain($"its position {anchored:N0} holds another event than the one anchored");
    }

    [Fact]
    public async Task AfterAReset_TheChainIsAcceptedAsItIs_AndSealedAndAnchoredFromThere()
    {
        await RecordPeopleAsync(3);
        var anchored = (await SealAsync(_anchoring)).LastSequence;
        await using (var db = _database.CreateContext())
        {
            await AuditTampering.AllowAsync(db);
            await AuditTampering.DeleteSealedAfterAsync(db, anchored - 2);
        }
        _time.Advance(TimeSpan.FromHours(1));

        await using (var db = _database.CreateContext())
        {
            await _anchoring.ResetAsync(db, AnchorFile, "Restored the backup of 3 December 2026 after a disk failure", CancellationToken.None);
        }
        var afterReset = await VerifyAsync(_anchoring);
        await RecordPeopleAsync(1);
        var resumed = await SealAsync(_anchoring);
        var later = await VerifyAsync(_anchoring);

        (await File.ReadAllLinesAsync(AnchorFile.Path))[1].ShouldStartWith($"v1 reset {anchored - 2} ");
        await using (var check = _database.CreateContext())
        {
            var reset = await check.Events.AsNoTracking().SingleAsync(e => e.Type == AuditAnchorReset.Name);
            reset.Reason.ShouldBe("Restored the backup of 3 December 2026 after a disk failure");
            reset.Summary.ShouldBe($"Audit chain anchor reset: the chain accepted as ending at position {anchored - 2:N0}");
            (await check.AuditSeals.SingleAsync(s => s.EventId == reset.Id)).Sequence.ShouldBe(anchored - 1, "the reset is itself sealed, next after the position it accepted");
        }
        afterReset.Intact.ShouldBeTrue();
        afterReset.Anchor.Outcome.ShouldBe(AnchorOutcome.Holds);
        afterReset.Anchor.Message.ShouldContain("(a reset: Restored the backup of 3 December 2026 after a disk failure)");
        resumed.Sealed.ShouldBeGreaterThan(0);
        resumed.Refused.ShouldBeNull();
        later.Intact.ShouldBeTrue();
        later.Anchor.Anchor.ShouldNotBeNull().Position.ShouldBe(resumed.LastSequence);
    }

    [Fact]
    public async Task WithNoAnchorConfigured_VerifySaysTruncationCannotBeDetected()
    {
        await RecordPeopleAsync(1);
        var sealedRun = await SealAsync(Anchoring(folder: null));

        var verification = await VerifyAsync(Anchoring(folder: null));

        sealedRun.Sealed.ShouldBeGreaterThan(0);
        Directory.EnumerateFiles(_folder).ShouldBeEmpty();
        verification.Intact.ShouldBeTrue();
        verification.Anchor.Outcome.ShouldBe(AnchorOutcome.NotConfigured);
        verification.Anchor.Message.ShouldStartWith("no anchor: truncation of the newest events cannot be detected");
    }

    [Fact]
    public async Task AGarbledLine_IsNamedClearly_AndTheReadableAnchorsAreStillUsed()
    {
        await RecordPeopleAsync(1);
        await SealAsync(_anchoring);
        await File.AppendAllTextAsync(AnchorFile.Path, "v1 seal 12x 00ff 2026-12-04T12:00:00Z host\n\u0000\u0001garbage\nv1 seal 1");
        await RecordPeopleAsync(1);
        var second = await SealAsync(_anchoring);

        var verification = await VerifyAsync(_anchoring);

        verification.Intact.ShouldBeTrue();
        verification.Anchor.Outcome.ShouldBe(AnchorOutcome.Holds);
        verification.Anchor.Anchor.ShouldNotBeNull().Position.ShouldBe(second.LastSequence);
        verification.Anchor.Unreadable.ShouldBe(new[]
        {
            "line 2: its position \"12x\" is not a number",
            "line 3: it has fewer than the six parts of an anchor (version, kind, position, hash, time, instance)",
            "line 4: it has fewer than the six parts of an anchor (version, kind, position, hash, time, instance)",
        });
        // The line cut short is not joined to the next anchor.
        (await File.ReadAllLinesAsync(AnchorFile.Path))[4].ShouldStartWith($"v1 seal {second.LastSequence} ");
    }

    [Fact]
    public async Task AnAnchorFileThatIsNotThere_IsSaid_NotACrash()
    {
        await RecordPeopleAsync(1);
        await SealAsync(anchoring: null);

        await using var db = _database.CreateContext();
        var verification = await new AuditChainVerifier(db).VerifyAsync(new ChainAnchorFile(Path.Combine(_folder, "copy.anchors")), CancellationToken.None);

        verification.Intact.ShouldBeTrue();
        verification.Anchor.Outcome.ShouldBe(AnchorOutcome.NoAnchorYet);
        verification.Anchor.Message.ShouldContain("does not exist yet");
    }

    [Fact]
    public async Task ManySealsAppendingAtOnce_WriteWholeLines()
    {
        var appends = Enumerable.Range(1, 40).Select(i => Task.Run(() => AnchorFile.AppendAsync(
            new ChainAnchor(AnchorKind.Seal, i, new byte[ChainLink.HashLength], Noon, $"instance-{i}"), CancellationToken.None)));
        await Task.WhenAll(appends);

        var reading = await AnchorFile.ReadAsync(CancellationToken.None);

        reading.Unreadable.ShouldBeEmpty();
        (await File.ReadAllLinesAsync(AnchorFile.Path)).Length.ShouldBe(40);
        reading.Latest.ShouldNotBeNull().Position.ShouldBe(40);
    }

    private async Task RecordPeopleAsync(int count)
    {
        await using var db = _database.CreateContext();
        for (var i = 0; i < count; i++) await TestData.PersonAsync(db, "Mia", $"Anchor{Guid.NewGuid():N}"[..12], new DateOnly(2017, 5, 6));
    }
}
