using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Records;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.People;

/// <summary>People and referrals carry a version: a change made from an older one is refused, never lost, on both databases.</summary>
public sealed class VersionTokenTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(Guid A, Guid B)> TwoPeopleAsync(int round)
    {
        await using var db = _database.CreateContext(_time);
        var a = new Person($"Ava{round}", "Hill", new DateOnly(2019, 5, 1), Sex.Female);
        var b = new Person($"Eva{round}", "Hill", new DateOnly(2019, 5, 1), Sex.Female);
        db.People.AddRange(a, b);
        await db.SaveChangesAsync();
        return (a.Id, b.Id);
    }

    [Fact]
    public async Task TwoOppositeMergesAtOnce_OneIsRefused_AndNoRecordIsMergedIntoTheOther()
    {
        for (var round = 0; round < 8; round++)
        {
            var (a, b) = await TwoPeopleAsync(round);
            await using var first = _database.CreateContext(_time);
            await using var second = _database.CreateContext(_time);
            using var start = new Barrier(2);

            var aIntoB = Task.Run(async () => { start.SignalAndWait(); return await Outcome(() => new PersonMerging(first).MergeAsync(b, a, "Same child")); });
            var bIntoA = Task.Run(async () => { start.SignalAndWait(); return await Outcome(() => new PersonMerging(second).MergeAsync(a, b, "Same child")); });
            var outcomes = new[] { await aIntoB, await bIntoA };

            outcomes.Count(o => o is null).ShouldBe(1, $"round {round}: exactly one merge is made ({string.Join(" / ", outcomes)})");
            outcomes.Single(o => o is not null)!.ShouldBeOneOf(
                "One of these records has already been merged",
                "Someone else merged or changed one of these records while you were working on it. Check both records and try again.");
            await using var check = _database.CreateContext(_time);
            var merged = await check.People.Where(p => p.Id == a || p.Id == b).Select(p => p.MergedIntoPersonId).ToListAsync();
            merged.Count(m => m is not null).ShouldBe(1, $"round {round}: one record merged into the other, not each into the other");
            (await check.PersonMerges.CountAsync(m => m.SurvivorId == a || m.SurvivorId == b)).ShouldBe(1);
        }
    }

    private static async Task<string?> Outcome(Func<Task> merge)
    {
        try
        {
            await merge();
            return null;
        }
        catch (PersonIndexException refused)
        {
            return refused.Message;
        }
    }

    [Fact]
    public async Task AddingANameFromAnOlderVersion_SavesNothing()
    {
        var (child, _) = await TwoPeopleAsync(0);
        int seen;
        await using (var db = _database.CreateContext(_time)) seen = (await db.People.SingleAsync(p => p.Id == child)).Version;
        await using (var other = _database.CreateContext(_time))
        {
            (await new PersonFamilyRecords(other, new ExactPersonLinker()).AddNameAsync(child, PersonNameKind.Alias, "Avie", "Hill", seen))
                .ShouldBe(EditOutcome.Saved);
        }

        await using var late = _database.CreateContext(_time);
        var outcome = await new PersonFamilyRecords(late, new ExactPersonLinker()).AddNameAsync(child, PersonNameKind.Previous, "Ava", "Jones", seen);

        outcome.ShouldBe(EditOutcome.ChangedElsewhere);
        await using var check = _database.CreateContext(_time);
        (await check.PersonNames.Where(n => n.PersonId == child).Select(n => n.GivenName).ToListAsync()).ShouldBe(["Avie"]);
        (await check.People.SingleAsync(p => p.Id == child)).Version.ShouldBe(seen + 1);
    }

    [Fact]
    public async Task AReferralSavedFromAnOlderVersion_IsRefused_AndTheVersionIsNotAChangeInTheHistory()
    {
        var (child, _) = await TwoPeopleAsync(0);
        Guid id;
        await using (var db = _database.CreateContext(_time))
        {
            var council = await TestData.CreateCouncilAsync(db);
            var referral = new Referral(child, null, new DateOnly(2026, 3, 6), "6", council.FrontDoor.Id);
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
            id = referral.Id;
        }
        await using var manager = _database.CreateContext(_time);
        await using var worker = _database.CreateContext(_time);
        var byManager = await manager.Referrals.SingleAsync(r => r.Id == id);
        var byWorker = await worker.Referrals.SingleAsync(r => r.Id == id);

        byManager.Status = ReferralStatus.Closed;
        await manager.SaveChangesAsync();
        byWorker.AllocatedWorkerId = Guid.NewGuid();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => worker.SaveChangesAsync());
        await using var check = _database.CreateContext(_time);
        var saved = await check.Referrals.SingleAsync(r => r.Id == id);
        (saved.Status, saved.AllocatedWorkerId, saved.Version).ShouldBe((ReferralStatus.Closed, (Guid?)null, 2));
        var changes = await check.Events.Where(e => e.SubjectId == id).Select(e => e.Data).ToListAsync();
        changes.ShouldNotBeEmpty();
        changes.ShouldAllBe(d => d == null || !d.Contains("\"Version\""));
    }
}
