using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Core.Supervision;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Supervision;

public sealed class SupervisionRecordsTests : IAsyncLifetime
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private static readonly WorkClocks Clocks = new(Calendar);

    /// <summary>Friday 20 March 2026, noon GMT; sessions are held at 10:00 that morning.</summary>
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeOffset HeldAt = new(2026, 3, 20, 10, 0, 0, TimeSpan.Zero);

    private TestDatabase _database = default!;
    private Team _assessment = default!;
    private Team _childProtection = default!;
    private Actor _lineManager = default!;
    private Actor _teamManager = default!;
    private Actor _otherTeamsManager = default!;
    private Actor _worker = default!;
    private Actor _colleague = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using var db = _database.CreateContext(_time, Actor.System);
        (_, _assessment, _childProtection, _) = await TestData.CreateCouncilAsync(db);
        // The line manager is a service manager with no team; the team manager manages the worker's team.
        _lineManager = await UserAsync(db, "Helen Price", Roles.ServiceManager, null);
        _teamManager = await UserAsync(db, "Martin Hughes", Roles.TeamManager, _assessment.Id);
        _otherTeamsManager = await UserAsync(db, "Jo Bennett", Roles.TeamManager, _childProtection.Id);
        _worker = await UserAsync(db, "Sam Okafor", Roles.SocialWorker, _assessment.Id, _lineManager.UserId);
        _colleague = await UserAsync(db, "Grace Lee", Roles.SocialWorker, _childProtection.Id);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static async Task<Actor> UserAsync(SafeguardDbContext db, string name, string role, Guid? teamId, Guid? managerId = null)
    {
        var staffRole = await db.Roles.SingleOrDefaultAsync(r => r.Name == role) ?? db.Roles.Add(new StaffRole(role)).Entity;
        var email = name.Replace(' ', '.').ToLowerInvariant() + "@test.example";
        var user = new StaffUser { Id = NewId.Next(), UserName = email, Email = email, DisplayName = name, TeamId = teamId, ManagerId = managerId };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = staffRole.Id });
        await db.SaveChangesAsync();
        return new Actor(user.Id, name);
    }

    private SafeguardDbContext As(Actor actor) => _database.CreateContext(_time, actor);

    private static SupervisionRecords Service(SafeguardDbContext db, SupervisionSettings? settings = null) =>
        new(db, new WorkItems(db, Clocks), Clocks, Options.Create(settings ?? new SupervisionSettings()));

    /// <summary>Ruby's case allocated to the worker ten days ago, with its first supervision item open as the allocation service leaves it.</summary>
    private async Task<(Guid AllocationId, Guid PersonId, Guid FirstItemId)> AllocatedCaseAsync(bool childProtection = false)
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        var child = await TestData.PersonAsync(db, "Ruby", "Taylor", new DateOnly(2018, 5, 14));
        var referral = new Referral(child.Id, null, new DateOnly(2026, 3, 6), "1A", _assessment.Id);
        db.Referrals.Add(referral);
        if (childProtection) db.Section47Enquiries.Add(new Section47Enquiry(child.Id, referral.Id, new DateOnly(2026, 3, 9)));
        var allocatedAt = _time.GetUtcNow().AddDays(-10);
        var allocation = new CaseAllocation(child.Id, referral.Id, _assessment.Id, CaseKind.ChildInNeed,
            new AllocationDiscussion(allocatedAt, _teamManager.UserId!.Value, _worker.UserId!.Value, [new AgreedAction("See Ruby alone", new DateOnly(2026, 3, 12))],
                "Neglect"), allocatedAt);
        db.CaseAllocations.Add(allocation);
        var work = new WorkItems(db, Clocks);
        var first = work.Open(WorkKind.CaseSupervision, allocation.Id, SupervisionDueRule.CaseTitle("Ruby Taylor"), _assessment.Id, Priority.Standard,
            child.Id, allocatedAt, Calendar.DueAt(allocatedAt, TimeLimits.FirstSupervisionWorkingDays));
        work.Reassign(first, _assessment.Id, _worker.UserId);
        await db.SaveChangesAsync();
        return (allocation.Id, child.Id, first.Id);
    }

    private static CaseSupervisionInput CaseInput(Guid allocationId, params SupervisionAction[] actions) =>
        new(allocationId, HeldAt, "Sam reflected on Ruby's week.", "Risk reduced since the school referral.", "Continue the child in need plan.", actions);

    [Fact]
    public async Task RecordCase_ClosesTheOpenItem_OpensTheNextOnTheChildInNeedCycle_ForTheWorker_AndWritesTheEvent()
    {
        var (allocationId, personId, firstId) = await AllocatedCaseAsync();
        await using var db = As(_lineManager);

        var result = await Service(db).RecordCaseAsync(CaseInput(allocationId));

        result.Outcome.ShouldBe(SupervisionOutcome.Recorded);
        await using var check = As(Actor.System);
        var record = await check.SupervisionRecords.SingleAsync(r => r.Id == result.Id);
        (record.Kind, record.WorkerId, record.SupervisorId, record.PersonId, record.AllocationId, record.Decisions)
            .ShouldBe((SupervisionKind.Case, _worker.UserId!.Value, _lineManager.UserId!.Value, (Guid?)personId, (Guid?)allocationId, "Continue the child in need plan."));
        (await check.WorkItems.SingleAsync(w => w.Id == firstId)).IsOpen.ShouldBeFalse();
        var next = await check.WorkItems.SingleAsync(w => w.Kind == WorkKind.CaseSupervision && w.ClosedAt == null);
        next.SubjectId.ShouldBe(allocationId);
        next.PersonId.ShouldBe(personId);
        next.OwnerUserId.ShouldBe(_worker.UserId);
        next.OwnerTeamId.ShouldBe(_assessment.Id);
        next.Title.ShouldBe("Case supervision due: Ruby Taylor");
        next.DueAt.ShouldBe(TimeLimits.UkLocal(new DateOnly(2026, 5, 6), new TimeOnly(10, 0)), "30 working days, Easter and early May bank holidays not counted");
        var recorded = await check.Events.SingleAsync(e => e.Type == SupervisionRecorded.Name);
        (recorded.SubjectId, recorded.PersonId, recorded.ActorName).ShouldBe(((Guid?)record.Id, (Guid?)personId, "Helen Price"));
        recorded.Summary.ShouldBe("Case supervision of Sam Okafor by Helen Price");
    }

    [Fact]
    public async Task RecordCase_ChildProtectionCaseNow_NextIsDueOnThe20WorkingDayCycle()
    {
        var (allocationId, _, _) = await AllocatedCaseAsync(childProtection: true);
        await using var db = As(_teamManager);

        (await Service(db).RecordCaseAsync(CaseInput(allocationId))).Outcome.ShouldBe(SupervisionOutcome.Recorded);

        await using var check = As(Actor.System);
        var next = await check.WorkItems.SingleAsync(w => w.Kind == WorkKind.CaseSupervision && w.ClosedAt == null);
        next.DueAt.ShouldBe(TimeLimits.UkLocal(new DateOnly(2026, 4, 21), new TimeOnly(10, 0)));
    }

    [Fact]
    public async Task RecordCase_ByAManagerOfAnotherTeam_OrByTheWorker_IsRefused_AndNothingChanges()
    {
        var (allocationId, _, firstId) = await AllocatedCaseAsync();

        foreach (var notSupervisor in new[] { _otherTeamsManager, _worker, _colleague })
        {
            await using var db = As(notSupervisor);
            var result = await Service(db).RecordCaseAsync(CaseInput(allocationId));
            result.Outcome.ShouldBe(SupervisionOutcome.NotSupervisor, notSupervisor.Name);
        }

        await using var check = As(Actor.System);
        (await check.SupervisionRecords.CountAsync()).ShouldBe(0);
        (await check.WorkItems.SingleAsync(w => w.Id == firstId)).IsOpen.ShouldBeTrue();
        (await check.Events.CountAsync(e => e.Type == SupervisionRecorded.Name)).ShouldBe(0);
    }

    [Fact]
    public async Task Actions_BecomeAgreedActionItems_OnTheirOwnersTrays_DueByTheEndOfTheirDay()
    {
        var (allocationId, personId, _) = await AllocatedCaseAsync();
        await using var db = As(_teamManager);
        var monday = new DateOnly(2026, 3, 23);

        var result = await Service(db).RecordCaseAsync(CaseInput(allocationId,
            new SupervisionAction("Visit Ruby at school", monday, _worker.UserId),
            new SupervisionAction("Ask the police for the callout log", monday.AddDays(2), _teamManager.UserId),
            new SupervisionAction("", null, _worker.UserId),
            new SupervisionAction("Share the CP chronology", monday.AddDays(3), _colleague.UserId)));

        result.Outcome.ShouldBe(SupervisionOutcome.Recorded);
        await using var check = As(Actor.System);
        var actions = await check.WorkItems.Where(w => w.Kind == WorkKind.AgreedAction && w.SubjectId == result.Id).ToListAsync();
        actions.Select(a => (a.OwnerUserId, a.OwnerTeamId, a.DueAt, a.PersonId)).OrderBy(a => a.DueAt).ShouldBe(
        [
            (_worker.UserId, _assessment.Id, TimeLimits.EndOfDay(monday), (Guid?)personId),
            (_teamManager.UserId, _assessment.Id, TimeLimits.EndOfDay(monday.AddDays(2)), personId),
            (_colleague.UserId, _childProtection.Id, TimeLimits.EndOfDay(monday.AddDays(3)), personId),
        ]);
        actions.ShouldAllBe(a => a.Title.StartsWith("Supervision action for Ruby Taylor: "));
        var recorded = await check.Events.SingleAsync(e => e.Type == SupervisionRecorded.Name);
        System.Text.Json.JsonDocument.Parse(recorded.Data!).RootElement.EnumerateObject()
            .Single(p => p.Name.Equals(nameof(SupervisionRecorded.Actions), StringComparison.OrdinalIgnoreCase)).Value.GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task RecordCase_WithoutDecisions_InTheFuture_OrWithAnUnfinishedAction_IsRefusedFieldByField()
    {
        var (allocationId, _, _) = await AllocatedCaseAsync();
        await using var db = As(_teamManager);

        var result = await Service(db).RecordCaseAsync(new CaseSupervisionInput(allocationId, _time.GetUtcNow().AddHours(2), null, null, " ",
            [new SupervisionAction("Visit", null, _worker.UserId), new SupervisionAction("Call", new DateOnly(2026, 3, 19), _worker.UserId),
             new SupervisionAction("Write", new DateOnly(2026, 3, 25), null)]));

        result.Outcome.ShouldBe(SupervisionOutcome.Invalid);
        result.Errors.Select(e => e.Field).ShouldBe(["HeldAt", "Decisions", "Actions[0].DueOn", "Actions[1].DueOn", "Actions[2].OwnerId"]);
        await using var check = As(Actor.System);
        (await check.SupervisionRecords.CountAsync()).ShouldBe(0);
        (await check.WorkItems.CountAsync(w => w.Kind == WorkKind.AgreedAction)).ShouldBe(0);
    }

    [Fact]
    public async Task RecordPersonal_ClosesTheOpenPersonalItem_AndOpensTheNextOnThePersonalCycle()
    {
        await using (var sweep = As(Actor.System))
        {
            (await Service(sweep).EnsurePersonalSupervisionDueAsync()).ShouldBe(1, "only the worker has a line manager");
        }
        await using var db = As(_lineManager);

        var result = await Service(db).RecordPersonalAsync(new PersonalSupervisionInput(_worker.UserId!.Value, HeldAt, "Tired after court week.",
            "Fourteen cases; one to move.", null, [new SupervisionAction("Book the court skills refresher", new DateOnly(2026, 4, 1), _worker.UserId)]));

        result.Outcome.ShouldBe(SupervisionOutcome.Recorded);
        await using var check = As(Actor.System);
        var items = await check.WorkItems.Where(w => w.Kind == WorkKind.PersonalSupervision).ToListAsync();
        items.Count.ShouldBe(2);
        var open = items.Single(i => i.IsOpen);
        (open.SubjectId, open.OwnerUserId, open.OwnerTeamId, open.PersonId).ShouldBe((_worker.UserId!.Value, _worker.UserId, _assessment.Id, (Guid?)null));
        open.Title.ShouldBe("Personal supervision due: Sam Okafor");
        open.DueAt.ShouldBe(TimeLimits.UkLocal(new DateOnly(2026, 4, 21), new TimeOnly(10, 0)));
        var action = await check.WorkItems.SingleAsync(w => w.Kind == WorkKind.AgreedAction);
        (action.SubjectId, action.OwnerUserId, action.PersonId).ShouldBe((result.Id!.Value, _worker.UserId, (Guid?)null));
    }

    [Fact]
    public async Task RecordPersonal_WithNothingDiscussed_IsRefused()
    {
        await using var db = As(_lineManager);

        var result = await Service(db).RecordPersonalAsync(new PersonalSupervisionInput(_worker.UserId!.Value, HeldAt, " ", null, "", []));

        result.Outcome.ShouldBe(SupervisionOutcome.Invalid);
        result.Errors.ShouldBe([("Wellbeing", "Enter what was discussed about wellbeing, caseload or training")]);
    }

    [Fact]
    public async Task EnsurePersonalSupervisionDue_OpensOnePerWorkerWithALineManager_AndIsIdempotent()
    {
        await using (var db = As(Actor.System))
        {
            (await Service(db).EnsurePersonalSupervisionDueAsync()).ShouldBe(1);
        }
        await using (var again = As(Actor.System))
        {
            (await Service(again).EnsurePersonalSupervisionDueAsync()).ShouldBe(0);
        }

        await using var check = As(Actor.System);
        var item = await check.WorkItems.SingleAsync(w => w.Kind == WorkKind.PersonalSupervision);
        (item.SubjectId, item.OwnerUserId).ShouldBe((_worker.UserId!.Value, _worker.UserId));
        item.DueAt.ShouldBe(Calendar.DueAt(_time.GetUtcNow(), 20));
    }

    [Fact]
    public async Task RecordCase_WhenTheFirstCaseSupervisionIsOpen_AlsoMakesPersonalSupervisionDue()
    {
        var (allocationId, _, _) = await AllocatedCaseAsync();
        await using var db = As(_teamManager);

        (await Service(db).RecordCaseAsync(CaseInput(allocationId))).Outcome.ShouldBe(SupervisionOutcome.Recorded);

        await using var check = As(Actor.System);
        (await check.WorkItems.CountAsync(w => w.Kind == WorkKind.PersonalSupervision && w.ClosedAt == null && w.SubjectId == _worker.UserId)).ShouldBe(1);
    }

    [Fact]
    public async Task TwoSupervisorsRecordingTheSameCaseAtOnce_BothRecordsAreKept_ButOnlyOneNextItemIsOpen()
    {
        for (var round = 0; round < 4; round++)
        {
            var (allocationId, _, _) = await AllocatedCaseAsync();
            await using var a = As(_lineManager);
            await using var b = As(_teamManager);
            using var start = new Barrier(2);

            var results = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return Service(a).RecordCaseAsync(CaseInput(allocationId)); }),
                Task.Run(() => { start.SignalAndWait(); return Service(b).RecordCaseAsync(CaseInput(allocationId)); }));

            results.ShouldAllBe(r => r.Outcome == SupervisionOutcome.Recorded);
            await using var check = As(Actor.System);
            (await check.SupervisionRecords.CountAsync(r => r.AllocationId == allocationId)).ShouldBe(2);
            (await check.WorkItems.CountAsync(w => w.Kind == WorkKind.CaseSupervision && w.SubjectId == allocationId && w.ClosedAt == null)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task TheDatabase_RefusesASecondOpenSupervisionItemForTheSameCase()
    {
        var (allocationId, personId, _) = await AllocatedCaseAsync();
        await using var db = As(Actor.System);

        new WorkItems(db, Clocks).Open(WorkKind.CaseSupervision, allocationId, "Case supervision due: Ruby Taylor", _assessment.Id, Priority.Standard,
            personId, clockFrom: _time.GetUtcNow());

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
