using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit.Chain;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Intake;
using Safeguard.Core.Security;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Audit;

/// <summary>
/// The audit chain on both databases: sealed in commit order while writers (the domain's saves and the partner intake's
/// group commit) run at once; verify finds an event changed or deleted behind Safeguard's back, and names it.
/// </summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private Guid _police;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using (var db = _database.CreateContext())
        {
            _police = (await TestData.CreateCouncilAsync(db)).Police.Id;
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSafeguardCore(_database.Provider, _database.ConnectionString);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<SealResult> SealAsync(int batchSize = AuditSealer.DefaultBatchSize)
    {
        await using var db = _database.CreateContext();
        return await new AuditSealer(db) { BatchSize = batchSize }.SealAsync(CancellationToken.None);
    }

    private async Task<ChainVerification> VerifyAsync()
    {
        await using var db = _database.CreateContext();
        return await new AuditChainVerifier(db).VerifyAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Sealing_WhileIntakeAndDomainWritersRun_ChainsEveryEventInIdOrder_AndVerifyPasses()
    {
        var writer = _services.GetRequiredService<IntakeWriter>();
        using var stop = new CancellationTokenSource();
        var sealedWhileWriting = 0L;
        // The sealer keeps running while the writers write: it must never seal past an event still to commit.
        var sealer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                sealedWhileWriting += (await SealAsync(batchSize: 7)).Sealed;
                await Task.Delay(5);
            }
        });
        var intake = Enumerable.Range(0, 60).Select(i => Task.Run(() => writer.RecordAsync(
            TestData.Contact([TestData.Child("Ava", $"Chain{i}")], [], organisationId: _police),
            new IdempotencyClaim(_police, $"chain-{i}", "h"), new Actor(null, $"Partner {i} (API)", Guid.NewGuid()))));
        var domain = Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            await using var db = _database.CreateContext();
            await TestData.PersonAsync(db, "Leo", $"Domain{i}", new DateOnly(2018, 1, 1));
        }));
        await Task.WhenAll([.. intake, .. domain]);
        await stop.CancelAsync();
        await sealer;
        await SealAsync();

        var verification = await VerifyAsync();

        await using var check = _database.CreateContext();
        var positions = await AuditTampering.PositionsInEventOrderAsync(check);
        verification.FirstBreak.ShouldBeNull();
        verification.Intact.ShouldBeTrue();
        verification.Checked.ShouldBe(positions.Count);
        verification.Sealed.ShouldBe(positions.Count);
        verification.NotYetSealed.ShouldBe(0);
        positions.ShouldBe(Enumerable.Range(1, positions.Count).Select(n => (long?)n));
        sealedWhileWriting.ShouldBeGreaterThan(0, "the sealer ran while the writers wrote");
    }

    [Fact]
    public async Task SeveralSealersAtOnce_EachEventIsSealedOnce_InOrder_AndALoserStopsQuietly()
    {
        // The app's sealer and `safeguard audit seal` can run together. Events are read and hashed before a batch's
        // write transaction, so on SQLite two sealers really race: one must win each batch, the other stop without error.
        var runs = new List<SealResult>();
        for (var round = 0; round < 3; round++)
        {
            await RecordPeopleAsync(40);
            runs.AddRange(await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SealAsync(batchSize: 2)))));
        }
        var last = await SealAsync();

        var verification = await VerifyAsync();
        await using var check = _database.CreateContext();
        var sequences = await AuditTampering.PositionsInEventOrderAsync(check);
        verification.Intact.ShouldBeTrue();
        verification.NotYetSealed.ShouldBe(0);
        sequences.ShouldBe(Enumerable.Range(1, sequences.Count).Select(n => (long?)n));
        (runs.Sum(r => r.Sealed) + last.Sealed).ShouldBe(sequences.Count, "each event sealed by exactly one run");
        runs.ShouldContain(r => r.Sealed > 0);
    }

    [Fact]
    public async Task EventsWrittenAfterSealing_AreNotYetSealed_ThenSealedOnTheNextRun_ContinuingTheChain()
    {
        await RecordPeopleAsync(3);
        var first = await SealAsync();
        await RecordPeopleAsync(2);

        var between = await VerifyAsync();
        var second = await SealAsync();
        var after = await VerifyAsync();

        between.Intact.ShouldBeTrue();
        between.NotYetSealed.ShouldBeGreaterThan(0);
        between.Sealed.ShouldBe(first.LastSequence);
        second.Sealed.ShouldBe(between.NotYetSealed);
        after.Intact.ShouldBeTrue();
        after.NotYetSealed.ShouldBe(0);
        after.Sealed.ShouldBe(first.LastSequence + second.Sealed);
    }

    [Theory]
    [InlineData("Summary")]
    [InlineData("Data")]
    [InlineData("Type")]
    [InlineData("OccurredAt")]
    public async Task AnEventChangedDirectlyInTheDatabase_IsNamedByVerify(string column)
    {
        await RecordPeopleAsync(4);
        await SealAsync();
        long changed;
        await using (var db = _database.CreateContext())
        {
            var ids = await db.Events.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            changed = ids[ids.Count / 2];
            await AuditTampering.AllowAsync(db);
            var value = column switch
            {
                "OccurredAt" when db.Database.IsNpgsql() => "TIMESTAMPTZ '2020-01-01 00:00:00+00'",
                "OccurredAt" => "'2020-01-01 00:00:00'",
                "Data" => "'{{\"changed\":true}}'", // braces doubled: the SQL is a format string
                _ => "'person.changed'",
            };
#pragma warning disable EF1002 // the column is one of four names above, the id a number
            (await db.Database.ExecuteSqlRawAsync($"UPDATE \"Events\" SET \"{column}\" = {value} WHERE \"Id\" = {changed}")).ShouldBe(1);
#pragma warning restore EF1002
        }

        var verification = await VerifyAsync();

        verification.Intact.ShouldBeFalse();
        verification.Breaks.ShouldBe(1, "one changed event is one broken link");
        verification.FirstBreak.ShouldNotBeNull().EventId.ShouldBe(changed);
        verification.FirstBreak.Problem.ShouldContain("does not match its hash");
    }

    [Fact]
    public async Task ADeletedEvent_IsFoundAsAGapBeforeTheNextEvent()
    {
        await RecordPeopleAsync(4);
        await SealAsync();
        long deleted, next;
        await using (var db = _database.CreateContext())
        {
            var ids = await db.Events.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            (deleted, next) = (ids[2], ids[3]);
            await AuditTampering.AllowAsync(db);
            (await db.Events.Where(e => e.Id == deleted).ExecuteDeleteAsync()).ShouldBe(1);
        }

        var verification = await VerifyAsync();

        verification.Intact.ShouldBeFalse();
        verification.FirstBreak.ShouldNotBeNull().EventId.ShouldBe(next);
        verification.FirstBreak.Problem.ShouldBe("chain position 3 is missing before it: an event was deleted");
    }

    [Fact]
    public async Task EventsReordered_AreFound()
    {
        await RecordPeopleAsync(2);
        await SealAsync();
        long second;
        await using (var db = _database.CreateContext())
        {
            var ids = await db.Events.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            second = ids[1];
            await AuditTampering.AllowAsync(db);
            // Positions 1 and 2 swapped (through a free number, the column being unique).
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditSeals\" SET \"Sequence\" = -1 WHERE \"Sequence\" = 1");
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditSeals\" SET \"Sequence\" = 1 WHERE \"Sequence\" = 2");
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditSeals\" SET \"Sequence\" = 2 WHERE \"Sequence\" = -1");
        }

        var verification = await VerifyAsync();

        verification.Intact.ShouldBeFalse();
        verification.FirstBreak.ShouldNotBeNull().EventId.ShouldBeLessThan(second + 1);
        verification.FirstBreak.Problem.ShouldContain("chain position");
    }

    [Fact]
    public async Task ThroughSafeguardsOwnConnection_OnSqlite_NoEventOrSealIsChangedOrDeleted()
    {
        if (_database.Provider != DatabaseProvider.Sqlite) return; // PostgreSQL: AppRoleTests, as the application's role.
        await RecordPeopleAsync(1);
        await SealAsync();
        await RecordPeopleAsync(1);
        await using var db = _database.CreateContext();
        var sealedId = await db.AuditSeals.OrderBy(s => s.Sequence).Select(s => s.EventId).FirstAsync();
        var unsealedId = await db.Events.Where(e => !db.AuditSeals.Any(s => s.EventId == e.Id)).Select(e => e.Id).FirstAsync();

        var change = await Should.ThrowAsync<Exception>(() => db.Events.Where(e => e.Id == sealedId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, "altered by hand")));
        var unsealedChange = await Should.ThrowAsync<Exception>(() => db.Events.Where(e => e.Id == unsealedId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, "altered by hand")));
        var delete = await Should.ThrowAsync<Exception>(() => db.Events.Where(e => e.Id == unsealedId).ExecuteDeleteAsync());
        var reseal = await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlAsync($"UPDATE \"AuditSeals\" SET \"Sequence\" = 99 WHERE \"EventId\" = {sealedId}"));
        var unseal = await Should.ThrowAsync<Exception>(() => db.AuditSeals.Where(s => s.EventId == sealedId).ExecuteDeleteAsync());

        change.InnerException?.Message.ShouldContain("kept as written");
        unsealedChange.InnerException?.Message.ShouldContain("kept as written");
        delete.InnerException?.Message.ShouldContain("cannot be deleted");
        reseal.Message.ShouldContain("Audit seals cannot be changed");
        unseal.InnerException?.Message.ShouldContain("Audit seals cannot be deleted");
        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    private async Task RecordPeopleAsync(int count)
    {
        await using var db = _database.CreateContext();
        for (var i = 0; i < count; i++) await TestData.PersonAsync(db, "Mia", $"Chain{Guid.NewGuid():N}"[..12], new DateOnly(2017, 5, 6));
    }
}
