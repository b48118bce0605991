using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Oversight;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Allocating;

/// <summary>The allocation service on a real database (either provider): the discussion, the rules, one transaction, one winner.</summary>
public sealed class AllocationsTests : IAsyncLifetime
{
    // Wednesday 4 March 2026, 10:00 UK time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private TestDatabase _database = default!;
    private Team _team = default!;
    private Team _otherTeam = default!;
    private StaffUser _manager = default!;
    private StaffUser _serviceManager = default!;
    private StaffUser _sam = default!;
    private StaffUser _nia = default!;
    private StaffUser _ola = default!;

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
        _ola = await AllocationTestData.StaffAsync(db, "Ola Other", Roles.SocialWorker, _otherTeam.Id);
        await AllocationTestData.QualifyAsync(db, _sam.Id, Today, childProtectionTrained: true);
        await AllocationTestData.QualifyAsync(db, _nia.Id, Today, childProtectionTrained: false);
        await AllocationTestData.QualifyAsync(db, _ola.Id, Today, childProtectionTrained: true);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private SafeguardDbContext As(StaffUser user) => _database.CreateContext(_time, new Actor(user.Id, user.DisplayName));

    private static Allocations Service(SafeguardDbContext db) =>
        new(db, new Caseloads(db, Options.Create(new CaseloadSettings())), new ChildStatuses(db, new ChildAlerts(db)), Calendar, new WorkClocks(Calendar),
            AllocationTestData.AssessmentService(db, Calendar));

    private async Task<Referral> ReferralAsync(bool childProtection = false, string given = "Maya")
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        return await AllocationTestData.ReferralAwaitingAllocationAsync(db, _team.Id, Now.AddDays(-1), given, "Green", childProtection);
    }

    private AllocationDiscussion Discussion(StaffUser worker, StaffUser? manager = null, DateTimeOffset? at = null, IReadOnlyList<AgreedAction>? actions = null,
        string risks = "Father's violence when drinking; the child is frightened to go home") =>
        new(at ?? Now.AddHours(-1), (manager ?? _manager).Id, worker.Id,
            actions ?? [new AgreedAction("See Maya alone at school", Today.AddDays(2)), new AgreedAction("Visit the family home", Today.AddDays(5))],
            risks, "Talk to the school nurse first");

    [Fact]
    public async Task Allocating_AfterADiscussion_SavesTheAllocation_TheReferral_TheWorkersItems_AndTheEvent_Together()
    {
        var referral = await ReferralAsync();

        Guid id;
        await using (var db = As(_manager))
        {
            var result = await Service(db).AllocateAsync(referral.Id, Discussion(_sam), CaseKind.ChildInNeed, null, null, referral.Version);
            result.Outcome.ShouldBe(AllocationOutcome.Done, string.Join("; ", result.Errors.Select(e => e.Message)));
            id = result.AllocationId!.Value;
        }

        await using var check = _database.CreateContext(_time);
        var allocation = await check.CaseAllocations.SingleAsync(a => a.Id == id);
        (allocation.WorkerId, allocation.ManagerId, allocation.DiscussedAt, allocation.Risks, allocation.Notes, allocation.TeamId)
            .ShouldBe((_sam.Id, _manager.Id, Now.AddHours(-1), "Father's violence when drinking; the child is frightened to go home",
                (string?)"Talk to the school nurse first", _team.Id));
        var saved = await check.Referrals.SingleAsync(r => r.Id == referral.Id);
        (saved.Status, saved.AllocatedWorkerId).ShouldBe((ReferralStatus.Allocated, (Guid?)_sam.Id));
        (await check.WorkItems.SingleAsync(w => w.SubjectId == referral.Id && w.Kind == WorkKind.Allocation)).ClosedAt.ShouldBe(Now);

        var items = await check.WorkItems.Where(w => w.SubjectId == id && w.ClosedAt == null).ToListAsync();
        items.ShouldAllBe(w => w.OwnerUserId == _sam.Id && w.OwnerTeamId == _team.Id && w.PersonId == referral.PersonId);
        var accept = items.Single(w => w.Kind == WorkKind.AcceptAllocation);
        accept.Title.ShouldBe("Accept a new case: Maya Green (allocated to Sam Okafor, not yet accepted)");
        accept.DueAt.ShouldBe(Calendar.AllocationAcceptanceDue(Now));
        var actions = items.Where(w => w.Kind == WorkKind.AgreedAction).OrderBy(w => w.DueAt).ToList();
        actions.Select(a => (a.Title, a.DueAt)).ShouldBe([
            ("See Maya alone at school (Maya Green)", TimeLimits.EndOfDay(Today.AddDays(2))),
            ("Visit the family home (Maya Green)", TimeLimits.EndOfDay(Today.AddDays(5))),
        ]);
        items.Single(w => w.Kind == WorkKind.CaseSupervision).DueAt.ShouldBe(Calendar.DueAt(Now, TimeLimits.FirstSupervisionWorkingDays));

        var allocated = await check.Events.SingleAsync(e => e.Type == CaseAllocated.Name);
        (allocated.PersonId, allocated.SubjectId, allocated.ActorUserId).ShouldBe(((Guid?)referral.PersonId, (Guid?)id, (Guid?)_manager.Id));
        allocated.Summary.ShouldBe("Case allocated to Sam Okafor by Martin Hughes after a discussion");
        (await check.Events.CountAsync(e => e.Type == CompetenceOverridden.Name || e.Type == AllocatedOverCapacity.Name)).ShouldBe(0);
    }

    [Fact]
    public async Task ADiscussionThatIsNotARecordOfOne_IsRefused_WithEveryProblem_AndNothingSaved()
    {
        var referral = await ReferralAsync();
        var bad = new AllocationDiscussion(Now.AddMinutes(5), _serviceManager.Id, _sam.Id,
            [new AgreedAction("  ", Today.AddDays(-1)), new AgreedAction(new string('x', 201), Today)], "  ");

        await using (var db = As(_manager))
        {
            var result = await Service(db).AllocateAsync(referral.Id, bad, CaseKind.ChildInNeed, null, null, referral.Version);

            result.Outcome.ShouldBe(AllocationOutcome.Refused);
            result.Errors.Select(e => e.Field).ShouldBe(
                [AllocationFields.DiscussedAt, "", "Actions[0].What", "Actions[0].DueOn", "Actions[1].What", AllocationFields.Risks], ignoreOrder: true);
            (await Service(db).AllocateAsync(referral.Id, Discussion(_sam, at: Now.AddDays(-30)), CaseKind.ChildInNeed, null, null, referral.Version))
                .Errors.Single().ShouldBe(new AllocationError(AllocationFields.DiscussedAt, $"The discussion cannot be before the referral ({Today.AddDays(-1):d MMMM yyyy})"));
            (await Service(db).AllocateAsync(referral.Id, Discussion(_sam, actions: []), CaseKind.ChildInNeed, null, null, referral.Version))
                .Errors.Single().Message.ShouldBe("Enter at least one action agreed in the discussion, with the day it is due by");
            (await Service(db).AllocateAsync(referral.Id, Discussion(_manager), CaseKind.ChildInNeed, null, null, referral.Version))
                .Errors.Single().ShouldBe(new AllocationError(AllocationFields.Worker, "Select the social worker the case is allocated to"));
            (await Service(db).AllocateAsync(referral.Id, Discussion(_sam), CaseKind.ChildProtection, null, null, referral.Version))
                .Errors.Single().Field.ShouldBe(AllocationFields.CaseKind);
        }

        await using var check = _database.CreateContext(_time);
        (await check.CaseAllocations.CountAsync()).ShouldBe(0);
        (await check.Referrals.SingleAsync(r => r.Id == referral.Id)).Status.ShouldBe(ReferralStatus.AwaitingAllocation);
        (await check.Events.CountAsync(e => e.Type == CaseAllocated.Name)).ShouldBe(0);
    }

    [Fact]
    public async Task ChildProtectionWork_ForAnUntrainedWorker_IsRefusedWithTheReasons_ATeamManagerCannotOverride_AServiceManagerCanWithAReason()
    {
        var referral = await ReferralAsync(childProtection: true);

        await using (var db = As(_manager))
        {
            var refused = await Service(db).AllocateAsync(referral.Id, Discussion(_nia), CaseKind.ChildProtection, null, null, referral.Version);
            refused.Outcome.ShouldBe(AllocationOutcome.Refused);
            refused.CompetenceReasons.ShouldBe([
                "Child protection work needs current training in \"Child protection: section 47 enquiries\"; none is recorded",
                "Child protection work needs current training in \"Child protection: plans and conferences\"; none is recorded",
            ]);
            refused.Errors.ShouldAllBe(e => e.Field == AllocationFields.Worker && e.Message.StartsWith("Nia Untrained cannot be allocated this case. "));

            var byTeamManager = await Service(db).AllocateAsync(referral.Id, Discussion(_nia), CaseKind.ChildProtection, "No one else is free", null,
                referral.Version);
            byTeamManager.Outcome.ShouldBe(AllocationOutcome.Refused);
            byTeamManager.Errors.ShouldContain(new AllocationError(AllocationFields.OverrideReason,
                "Only a service manager, head of service or director can override the competence rules"));
        }

        Guid id;
        await using (var db = As(_serviceManager))
        {
            var overridden = await Service(db).AllocateAsync(referral.Id, Discussion(_nia, _serviceManager), CaseKind.ChildProtection,
                "  Nia is booked on the course next week and Sam co-works the case  ", null, referral.Version);
            overridden.Outcome.ShouldBe(AllocationOutcome.Done);
            id = overridden.AllocationId!.Value;
        }

        await using var check = _database.CreateContext(_time);
        var allocation = await check.CaseAllocations.SingleAsync(a => a.Id == id);
        (allocation.CompetenceOverrideReason, allocation.CompetenceOverriddenBy, allocation.CaseKind)
            .ShouldBe(("Nia is booked on the course next week and Sam co-works the case", (Guid?)_serviceManager.Id, CaseKind.ChildProtection));
        var evt = await check.Events.SingleAsync(e => e.Type == CompetenceOverridden.Name);
        (evt.SubjectId, evt.Reason).ShouldBe(((Guid?)id, (string?)"Nia is booked on the course next week and Sam co-works the case"));
        (await check.WorkItems.Where(w => w.SubjectId == id).Select(w => w.Priority).Distinct().ToListAsync()).ShouldBe([Priority.ChildProtection]);
    }

    [Fact]
    public async Task AllocatingBeyondCapacity_NeedsAReason_WhichIsRecorded()
    {
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            // Capacity 20 × 0.04 = 0.8, less than one child in need case (weight 1).
            await AllocationTestData.QualifyAsync(db, _sam.Id, Today, childProtectionTrained: true, fullTimeEquivalent: 0.04);
        }
        var referral = await ReferralAsync();

        await using (var db = As(_manager))
        {
            var refused = await Service(db).AllocateAsync(referral.Id, Discussion(_sam), CaseKind.ChildInNeed, null, "   ", referral.Version);
            refused.Errors.ShouldBe([new AllocationError(AllocationFields.CapacityReason,
                "Sam Okafor would be beyond capacity (1 of 0.8): give the reason for allocating to them anyway")]);
            var made = await Service(db).AllocateAsync(referral.Id, Discussion(_sam), CaseKind.ChildInNeed, null,
                "Sam knows the family from last year", referral.Version);
            made.Outcome.ShouldBe(AllocationOutcome.Done);
        }

        await using var check = _database.CreateContext(_time);
        (await check.CaseAllocations.SingleAsync()).CapacityReason.ShouldBe("Sam knows the family from last year");
        (await check.Events.SingleAsync(e => e.Type == AllocatedOverCapacity.Name)).Summary
            .ShouldBe("Allocated to Sam Okafor beyond capacity (1 of 0.8): Sam knows the family from last year");
    }

    [Fact]
    public async Task TheCandidates_AreTheReferralTeamsSocialWorkersFirst_WithTheirLoadAndWhatTheRulesSay()
    {
        var referral = await ReferralAsync(childProtection: true);
        await using var db = As(_manager);

        var view = (await Service(db).ViewForReferralAsync(referral.Id))!;

        view.KindNow.ShouldBe(CaseKind.ChildProtection);
        view.Priority.ShouldBe(Priority.ChildProtection);
        view.KindsToChoose.ShouldBe([CaseKind.ChildProtection, CaseKind.Court]);
        view.Candidates.Select(c => (c.Name, c.InReferralTeam, c.MeetsCompetenceRules)).ShouldBe([
            ("Nia Untrained", true, false), ("Sam Okafor", true, true), ("Ola Other", false, true),
        ]);
        view.Candidates.ShouldAllBe(c => c.Caseload.Capacity == 20 && !c.WouldExceedCapacity);
    }

    [Fact]
    public async Task FromAStaleVersion_NothingIsAllocated()
    {
        var referral = await ReferralAsync();
        await using var db = As(_manager);

        (await Service(db).AllocateAsync(referral.Id, Discussion(_sam), CaseKind.ChildInNeed, null, null, referral.Version + 1))
            .Outcome.ShouldBe(AllocationOutcome.ChangedElsewhere);
        (await Service(db).AllocateAsync(Guid.NewGuid(), Discussion(_sam), CaseKind.ChildInNeed, null, null, 1))
            .Outcome.ShouldBe(AllocationOutcome.NotFound);
    }

    /// <summary>Two managers allocate the same referral at the same moment, to different workers: one allocation, the other told.</summary>
    [Fact]
    public async Task TwoManagersAllocatingOneReferralAtOnce_EndWithOneAllocation_AndTheOtherIsToldItChangedElsewhere()
    {
        for (var round = 0; round < 6; round++)
        {
            var referral = await ReferralAsync(given: $"Round{round}");
            await using var a = As(_manager);
            await using var b = As(_serviceManager);
            var start = new TaskCompletionSource();
            var results = await Task.WhenAll(
                Task.Run(async () => { await start.Task; return await Service(a).AllocateAsync(referral.Id, Discussion(_sam), CaseKind.ChildInNeed, null, null, referral.Version); }),
                Task.Run(async () => { await start.Task; return await Service(b).AllocateAsync(referral.Id, Discussion(_ola, _serviceManager), CaseKind.ChildInNeed, null, null, referral.Version); }),
                Task.Run(() => start.SetResult()).ContinueWith(_ => AllocationResult.NotFound));

            results.Take(2).Count(r => r.Outcome == AllocationOutcome.Done).ShouldBe(1, $"round {round}");
            results.Take(2).Count(r => r.Outcome == AllocationOutcome.ChangedElsewhere).ShouldBe(1, $"round {round}");
            await using var check = _database.CreateContext(_time);
            var allocations = await check.CaseAllocations.Where(x => x.ReferralId == referral.Id).ToListAsync();
            allocations.Count.ShouldBe(1);
            (await check.Referrals.SingleAsync(r => r.Id == referral.Id)).AllocatedWorkerId.ShouldBe(allocations[0].WorkerId);
            (await check.WorkItems.CountAsync(w => w.Kind == WorkKind.AcceptAllocation && w.PersonId == referral.PersonId)).ShouldBe(1);
            (await check.Events.CountAsync(e => e.Type == CaseAllocated.Name && e.PersonId == referral.PersonId)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task OnlyTheAllocatedWorker_AcceptsTheCase_WhichClosesTheirAcceptItem()
    {
        var referral = await ReferralAsync();
        Guid id;
        await using (var db = As(_manager))
        {
            id = (await Service(db).AllocateAsync(referral.Id, Discussion(_sam), CaseKind.ChildInNeed, null, null, referral.Version)).AllocationId!.Value;
            (await Service(db).AcceptAsync(id)).ShouldBe(AllocationOutcome.NotFound);
        }
        await using (var db = As(_sam))
        {
            (await Service(db).AcceptAsync(id)).ShouldBe(AllocationOutcome.Done);
            (await Service(db).AcceptAsync(id)).ShouldBe(AllocationOutcome.ChangedElsewhere);
        }

        await using var check = _database.CreateContext(_time);
        (await check.CaseAllocations.SingleAsync(a => a.Id == id)).AcceptedAt.ShouldBe(Now);
        (await check.WorkItems.SingleAsync(w => w.SubjectId == id && w.Kind == WorkKind.AcceptAllocation)).ClosedAt.ShouldBe(Now);
        (await check.Events.SingleAsync(e => e.Type == AllocationAccepted.Name)).Summary.ShouldBe("Sam Okafor accepted the case, having read its summary");
    }

    [Fact]
    public async Task Reallocating_EndsTheOldAllocation_MovesTheOldWorkersWork_AndTheChildKeepsEveryWorkerWithDates()
    {
        var referral = await ReferralAsync();
        Guid first;
        await using (var db = As(_manager))
        {
            first = (await Service(db).AllocateAsync(referral.Id, Discussion(_sam), CaseKind.ChildInNeed, null, null, referral.Version)).AllocationId!.Value;
        }
        await using (var db = As(_sam)) await Service(db).AcceptAsync(first);
        _time.Advance(TimeSpan.FromDays(1));

        Guid second;
        await using (var db = As(_manager))
        {
            var version = (await db.CaseAllocations.SingleAsync(a => a.Id == first)).Version;
            var noReason = await Service(db).ReallocateAsync(first, null, " ", Discussion(_sam), CaseKind.ChildInNeed, null, null, version);
            noReason.Errors.Select(e => e.Field).ShouldBe(
                [AllocationFields.ReallocationReason, AllocationFields.ReallocationDetail, AllocationFields.Worker], ignoreOrder: true);

            var moved = await Service(db).ReallocateAsync(first, ReallocationReasonKind.Sickness, "Sam is on long-term sick leave",
                Discussion(_ola, actions: [new AgreedAction("Introduce yourself to Maya", Today)]), CaseKind.ChildInNeed, null, null, version);
            moved.Outcome.ShouldBe(AllocationOutcome.Done, string.Join("; ", moved.Errors.Select(e => e.Message)));
            second = moved.AllocationId!.Value;
            (await Service(db).ReallocateAsync(first, ReallocationReasonKind.Sickness, "again", Discussion(_nia), CaseKind.ChildInNeed, null, null, version))
                .Outcome.ShouldBe(AllocationOutcome.ChangedElsewhere);
        }

        await using var check = _database.CreateContext(_time);
        var old = await check.CaseAllocations.SingleAsync(a => a.Id == first);
        (old.EndedAt, old.EndReason).ShouldBe(((DateTimeOffset?)Now, (string?)"Reallocated. Worker off sick: Sam is on long-term sick leave"));
        var now = await check.CaseAllocations.SingleAsync(a => a.Id == second);
        (now.WorkerId, now.PreviousAllocationId, now.ReallocationReason, now.TeamId)
            .ShouldBe((_ola.Id, (Guid?)first, (string?)"Worker off sick: Sam is on long-term sick leave", _otherTeam.Id));
        (await check.Referrals.SingleAsync(r => r.Id == referral.Id)).AllocatedWorkerId.ShouldBe(_ola.Id);
        (await check.WorkItems.CountAsync(w => w.ClosedAt == null && w.OwnerUserId == _sam.Id)).ShouldBe(0);
        var olasWork = await check.WorkItems.Where(w => w.ClosedAt == null && w.OwnerUserId == _ola.Id).ToListAsync();
        olasWork.Count(w => w.Kind == WorkKind.AgreedAction).ShouldBe(3, "the two agreed with Sam, moved, and the new one");
        olasWork.Count(w => w.Kind == WorkKind.CaseSupervision).ShouldBe(1);
        olasWork.Single(w => w.Kind == WorkKind.AcceptAllocation).SubjectId.ShouldBe(second);
        (await check.Events.SingleAsync(e => e.Type == AllocationEnded.Name)).Summary
            .ShouldBe("Sam Okafor no longer holds the case: Reallocated. Worker off sick: Sam is on long-term sick leave");

        var workers = await Service(check).WorkersOfChildAsync(referral.PersonId);
        workers.Select(w => (w.WorkerName, w.From, w.To)).ShouldBe([
            ("Ola Other", Now, (DateTimeOffset?)null),
            ("Sam Okafor", Now.AddDays(-1), (DateTimeOffset?)Now),
        ]);
    }
}
