using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Oversight;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Allocating;

/// <summary>
/// The report of allocations made outside the rules, on a real database (either provider), from allocations made through
/// the allocation service: competence overrides and allocations beyond capacity, by UK day, team and need to know.
/// </summary>
public sealed class AllocationExceptionsTests : IAsyncLifetime
{
    // June 2026 is British Summer Time: a UK day starts at 23:00 UTC the day before, so the period's edges are tested there.
    // The clock only moves forward: each test allocates in time order from here.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 20, 9, 0, 0, TimeSpan.Zero));
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private static readonly ExceptionsPeriod June = new(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30));
    private TestDatabase _database = default!;
    private Team _team = default!;
    private Team _otherTeam = default!;
    private StaffUser _manager = default!;
    private StaffUser _serviceManager = default!;
    private StaffUser _sam = default!;
    private StaffUser _nia = default!;
    private StaffUser _tiny = default!;
    private StaffUser _oki = default!;

    private DateOnly Today => TimeLimits.UkDay(_time.GetUtcNow());
    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using var db = _database.CreateContext(_time, Actor.System);
        var council = await TestData.CreateCouncilAsync(db);
        (_team, _otherTeam) = (council.Assessment, council.ChildProtection);
        _manager = await AllocationTestData.StaffAsync(db, "Martin Hughes", Roles.TeamManager, _team.Id);
        _serviceManager = await AllocationTestData.StaffAsync(db, "Helen Price", Roles.ServiceManager, null);
        _sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, _team.Id);
        _nia = await AllocationTestData.StaffAsync(db, "Nia Untrained", Roles.SocialWorker, _team.Id);
        _tiny = await AllocationTestData.StaffAsync(db, "Tia Parttime", Roles.SocialWorker, _team.Id);
        _oki = await AllocationTestData.StaffAsync(db, "Oki Other", Roles.SocialWorker, _otherTeam.Id);
        await AllocationTestData.QualifyAsync(db, _sam.Id, Today, childProtectionTrained: true);
        await AllocationTestData.QualifyAsync(db, _nia.Id, Today, childProtectionTrained: false);
        // Capacity 20 × 0.04 = 0.8: every case takes her beyond it.
        await AllocationTestData.QualifyAsync(db, _tiny.Id, Today, childProtectionTrained: true, fullTimeEquivalent: 0.04);
        await AllocationTestData.QualifyAsync(db, _oki.Id, Today, childProtectionTrained: false);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private SafeguardDbContext As(StaffUser user) => _database.CreateContext(_time, new Actor(user.Id, user.DisplayName));

    private static Allocations Service(SafeguardDbContext db) =>
        new(db, new Caseloads(db, Options.Create(new CaseloadSettings())), new ChildStatuses(db, new ChildAlerts(db)), Calendar, new WorkClocks(Calendar),
            AllocationTestData.AssessmentService(db, Calendar));

    private async Task<AllocationExceptionsPage> ListAsync(StaffUser reader, ExceptionsPeriod? period = null, Guid? teamId = null, int page = 1,
        int pageSize = AllocationExceptions.PageSize)
    {
        await using var db = As(reader);
        return await new AllocationExceptions(db).ListAsync(period ?? June, teamId, page, pageSize);
    }

    /// <summary>At <paramref name="at"/> (UTC), a new child's case allocated to <paramref name="worker"/> by <paramref name="by"/>.</summary>
    private async Task<(Guid AllocationId, Guid PersonId)> AllocateAsync(DateTimeOffset at, StaffUser worker, StaffUser by, string given,
        CaseKind kind = CaseKind.ChildInNeed, string? overrideReason = null, string? capacityReason = null)
    {
        _time.SetUtcNow(at);
        Referral referral;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            referral = await AllocationTestData.ReferralAwaitingAllocationAsync(db, worker.TeamId!.Value, Now.AddDays(-1), given, "Green",
                childProtection: kind == CaseKind.ChildProtection);
        }
        await using var asManager = As(by);
        var discussion = new AllocationDiscussion(Now.AddMinutes(-30), by.Id, worker.Id,
            [new AgreedAction("See the child alone", Today.AddDays(3))], "Risks from the father's drinking");
        var result = await Service(asManager).AllocateAsync(referral.Id, discussion, kind, overrideReason, capacityReason, referral.Version);
        result.Outcome.ShouldBe(AllocationOutcome.Done, string.Join("; ", result.Errors.Select(e => e.Message)));
        return (result.AllocationId!.Value, referral.PersonId);
    }

    private Task<(Guid AllocationId, Guid PersonId)> OverrideAsync(DateTimeOffset at, string given, StaffUser? worker = null) =>
        AllocateAsync(at, worker ?? _nia, _serviceManager, given, CaseKind.ChildProtection, overrideReason: $"No trained worker free for {given}");

    [Fact]
    public async Task BothKinds_AreListed_NewestFirst_WithTheirReasons_AndAnAllocationWithinTheRules_IsNot()
    {
        var (overridden, maya) = await OverrideAsync(new DateTimeOffset(2026, 6, 8, 10, 0, 0, TimeSpan.Zero), "Maya");
        var (beyond, _) = await AllocateAsync(new DateTimeOffset(2026, 6, 9, 10, 0, 0, TimeSpan.Zero), _tiny, _manager, "Leo",
            capacityReason: "Tia knows the family from last year");
        await AllocateAsync(new DateTimeOffset(2026, 6, 9, 11, 0, 0, TimeSpan.Zero), _sam, _manager, "Ordinary");

        var report = await ListAsync(_serviceManager);

        report.Shown.Select(r => (r.Kind, r.AllocationId)).ShouldBe([
            (AllocationExceptionKind.BeyondCapacity, beyond), (AllocationExceptionKind.CompetenceOverride, overridden),
        ]);
        (report.CompetenceOverrides, report.BeyondCapacity, report.Hidden, report.Total).ShouldBe((1, 1, 0, 2));
        var capacity = report.Shown[0];
        (capacity.ChildName, capacity.TeamName, capacity.WorkerName, capacity.ManagerName, capacity.Reason, capacity.LoadAfter, capacity.Capacity,
                capacity.OverriddenBy, capacity.IsOpen)
            .ShouldBe(("Leo Green", _team.Name, "Tia Parttime", "Martin Hughes", "Tia knows the family from last year", (double?)1, (double?)0.8,
                (string?)null, true));
        capacity.RulesBroken.ShouldBeEmpty();
        var competence = report.Shown[1];
        (competence.PersonId, competence.ChildName, competence.WorkerName, competence.ManagerName, competence.OverriddenBy, competence.CaseKind,
                competence.Reason, competence.AllocatedAt)
            .ShouldBe((maya, "Maya Green", "Nia Untrained", "Helen Price", (string?)"Helen Price", (CaseKind?)CaseKind.ChildProtection,
                "No trained worker free for Maya", new DateTimeOffset(2026, 6, 8, 10, 0, 0, TimeSpan.Zero)));
        competence.RulesBroken.ShouldBe([
            "Child protection work needs current training in \"Child protection: section 47 enquiries\"; none is recorded",
            "Child protection work needs current training in \"Child protection: plans and conferences\"; none is recorded",
        ]);

        await using var db = As(_serviceManager);
        (await new AllocationExceptions(db).CountAsync(June)).ShouldBe(new AllocationExceptionCounts(1, 1));
    }

    [Fact]
    public async Task AnAllocationSinceMovedToAnotherWorker_IsStillListed_AsNoLongerOpen()
    {
        var (overridden, _) = await OverrideAsync(new DateTimeOffset(2026, 6, 8, 10, 0, 0, TimeSpan.Zero), "Moved");
        _time.SetUtcNow(new DateTimeOffset(2026, 6, 9, 10, 0, 0, TimeSpan.Zero));
        await using (var db = As(_manager))
        {
            var version = await db.CaseAllocations.Where(a => a.Id == overridden).Select(a => a.Version).SingleAsync();
            var discussion = new AllocationDiscussion(Now.AddMinutes(-30), _manager.Id, _sam.Id,
                [new AgreedAction("Introduce yourself to the family", Today.AddDays(2))], "As before");
            (await Service(db).ReallocateAsync(overridden, ReallocationReasonKind.Other, "Sam has finished the training cover",
                discussion, CaseKind.ChildProtection, null, null, version)).Outcome.ShouldBe(AllocationOutcome.Done);
        }

        var report = await ListAsync(_serviceManager);

        report.Shown.Single().AllocationId.ShouldBe(overridden);
        report.Shown.Single().IsOpen.ShouldBeFalse();
    }

    [Fact]
    public async Task ThePeriod_IsUkDays_FirstAndLastDayIn_TheDaysEitherSideOut()
    {
        // 00:30 and 23:30 British Summer Time are 23:30 the day before and 22:30 UTC.
        await OverrideAsync(new DateTimeOffset(2026, 5, 31, 21, 59, 0, TimeSpan.Zero), "DayBefore");
        await OverrideAsync(new DateTimeOffset(2026, 5, 31, 23, 30, 0, TimeSpan.Zero), "FirstDay");
        await OverrideAsync(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero), "LastDay");
        await OverrideAsync(new DateTimeOffset(2026, 6, 30, 23, 10, 0, TimeSpan.Zero), "DayAfter");

        var report = await ListAsync(_serviceManager);

        report.Shown.Select(r => r.ChildName).ShouldBe(["LastDay Green", "FirstDay Green"]);
        report.CompetenceOverrides.ShouldBe(2);
        await using var db = As(_serviceManager);
        (await new AllocationExceptions(db).CountAsync(June)).CompetenceOverrides.ShouldBe(2);
        (await new AllocationExceptions(db).CountAsync(new ExceptionsPeriod(June.From.AddDays(-1), June.To.AddDays(1)))).CompetenceOverrides
            .ShouldBe(4);
    }

    [Fact]
    public void TheDefaultPeriod_IsTheLastThreeMonthsUpToToday_AndAtMostTwoYears()
    {
        ExceptionsPeriod.Default(new DateOnly(2026, 6, 10)).ShouldBe(new ExceptionsPeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 6, 10)));
        ExceptionsPeriod.IsTooLong(new DateOnly(2024, 6, 10), new DateOnly(2026, 6, 10)).ShouldBeFalse();
        ExceptionsPeriod.IsTooLong(new DateOnly(2024, 6, 10), new DateOnly(2026, 6, 11)).ShouldBeTrue();
    }

    [Fact]
    public async Task ATeam_ListsOnlyAllocationsToItsWorkers()
    {
        await OverrideAsync(new DateTimeOffset(2026, 6, 8, 10, 0, 0, TimeSpan.Zero), "Ours");
        await OverrideAsync(new DateTimeOffset(2026, 6, 8, 11, 0, 0, TimeSpan.Zero), "Theirs", _oki);
        await AllocateAsync(new DateTimeOffset(2026, 6, 8, 12, 0, 0, TimeSpan.Zero), _tiny, _manager, "Full", capacityReason: "Urgent");

        var ours = await ListAsync(_serviceManager, teamId: _team.Id);
        var theirs = await ListAsync(_serviceManager, teamId: _otherTeam.Id);

        ours.Shown.Select(r => r.ChildName).ShouldBe(["Full Green", "Ours Green"]);
        (ours.CompetenceOverrides, ours.BeyondCapacity).ShouldBe((1, 1));
        theirs.Shown.Select(r => (r.ChildName, r.TeamName)).ShouldBe([("Theirs Green", _otherTeam.Name)]);
        (theirs.CompetenceOverrides, theirs.BeyondCapacity).ShouldBe((1, 0));
        (await ListAsync(_serviceManager, teamId: Guid.NewGuid())).Total.ShouldBe(0);
    }

    [Fact]
    public async Task ARestrictedChild_IsLeftOut_AndCounted_ForSomeoneNotOnItsList_ButListedForTheHolder()
    {
        var (_, secret) = await OverrideAsync(new DateTimeOffset(2026, 6, 8, 10, 0, 0, TimeSpan.Zero), "Secret");
        await OverrideAsync(new DateTimeOffset(2026, 6, 8, 11, 0, 0, TimeSpan.Zero), "Open");
        await using (var db = As(_serviceManager))
        {
            (await new AccessLists(db).RestrictAsync(secret, "Relative of a member of staff")).ShouldBe(AccessChange.Done);
        }

        var offList = await ListAsync(_manager);
        var holder = await ListAsync(_serviceManager);

        offList.Shown.Select(r => r.ChildName).ShouldBe(["Open Green"]);
        (offList.CompetenceOverrides, offList.Hidden).ShouldBe((1, 1));
        holder.Shown.Select(r => r.ChildName).ShouldBe(["Open Green", "Secret Green"]);
        (holder.CompetenceOverrides, holder.Hidden).ShouldBe((2, 0));
        await using var asManager = As(_manager);
        (await new AllocationExceptions(asManager).CountAsync(June)).CompetenceOverrides.ShouldBe(2);
    }

    [Fact]
    public async Task Pages_SplitTheNewestFirstList_AndEveryPageHasThePeriodsTotals()
    {
        for (var i = 0; i < 3; i++)
        {
            await OverrideAsync(new DateTimeOffset(2026, 6, 2 + i, 10, 0, 0, TimeSpan.Zero), $"Override{i}");
            if (i < 2) await AllocateAsync(new DateTimeOffset(2026, 6, 2 + i, 12, 0, 0, TimeSpan.Zero), _tiny, _manager, $"Beyond{i}", capacityReason: "Urgent");
        }

        var first = await ListAsync(_serviceManager, pageSize: 2);
        var second = await ListAsync(_serviceManager, page: 2, pageSize: 2);
        var third = await ListAsync(_serviceManager, page: 3, pageSize: 2);
        var past = await ListAsync(_serviceManager, page: 4, pageSize: 2);

        new[] { first, second, third, past }.ShouldAllBe(p => p.CompetenceOverrides == 3 && p.BeyondCapacity == 2 && p.Pages == 3);
        first.Shown.Concat(second.Shown).Concat(third.Shown).Select(r => r.ChildName).ShouldBe([
            "Override2 Green", "Beyond1 Green", "Override1 Green", "Beyond0 Green", "Override0 Green",
        ]);
        (first.HasMore, second.HasMore, third.HasMore).ShouldBe((true, true, false));
        past.Shown.ShouldBeEmpty();
    }
}
