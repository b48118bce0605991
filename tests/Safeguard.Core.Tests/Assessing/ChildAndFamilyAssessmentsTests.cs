using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Allocation;
using Safeguard.Core.Assessments;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Assessing;

/// <summary>
/// Child and family assessments on a real database (either provider): started by the allocation, saved and completed by
/// the worker, authorised or sent back by their manager, each step with its work items and its event, and one winner when
/// two people act at once.
/// </summary>
public sealed class ChildAndFamilyAssessmentsTests : IAsyncLifetime
{
    // Wednesday 4 March 2026, 10:00 UK time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private TestDatabase _database = default!;
    private Team _team = default!;
    private StaffUser _manager = default!;
    private StaffUser _deputy = default!;
    private StaffUser _otherManager = default!;
    private StaffUser _sam = default!;
    private StaffUser _nia = default!;

    private DateOnly Today => TimeLimits.UkDay(_time.GetUtcNow());
    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using var db = _database.CreateContext(_time, Actor.System);
        var council = await TestData.CreateCouncilAsync(db);
        _team = council.Assessment;
        _manager = await AllocationTestData.StaffAsync(db, "Martin Hughes", Roles.TeamManager, _team.Id);
        _deputy = await AllocationTestData.StaffAsync(db, "Dee Deputy", Roles.TeamManager, _team.Id);
        _otherManager = await AllocationTestData.StaffAsync(db, "Olu Elsewhere", Roles.TeamManager, council.ChildProtection.Id);
        _sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, _team.Id);
        _nia = await AllocationTestData.StaffAsync(db, "Nia Patel", Roles.SocialWorker, _team.Id);
        await AllocationTestData.QualifyAsync(db, _sam.Id, Today, childProtectionTrained: true);
        await AllocationTestData.QualifyAsync(db, _nia.Id, Today, childProtectionTrained: true);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private SafeguardDbContext As(StaffUser user) => _database.CreateContext(_time, new Actor(user.Id, user.DisplayName));

    private static ChildAndFamilyAssessments Service(SafeguardDbContext db) => AllocationTestData.AssessmentService(db, Calendar);

    private static Allocations Allocations(SafeguardDbContext db) => AllocationTestData.AllocationService(db);

    /// <summary>A referral made yesterday, allocated to <paramref name="worker"/> by the manager after a discussion: its assessment.</summary>
    private async Task<(Referral Referral, Guid AllocationId, AssessmentView Assessment)> AllocatedAsync(StaffUser worker)
    {
        Referral referral;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            referral = await AllocationTestData.ReferralAwaitingAllocationAsync(db, _team.Id, Now.AddDays(-1), "Maya", "Green", false);
        }
        Guid allocationId;
        await using (var db = As(_manager))
        {
            var discussion = new AllocationDiscussion(Now.AddHours(-1), _manager.Id, worker.Id, [new AgreedAction("See Maya alone", Today.AddDays(2))],
                "Father's drinking", null);
            var result = await Allocations(db).AllocateAsync(referral.Id, discussion, CaseKind.ChildInNeed, null, null, referral.Version);
            result.Outcome.ShouldBe(AllocationOutcome.Done, string.Join("; ", result.Errors.Select(e => e.Message)));
            allocationId = result.AllocationId!.Value;
        }
        await using var read = _database.CreateContext(_time, Actor.System);
        var id = await read.Assessments.Where(a => a.ReferralId == referral.Id).Select(a => a.Id).SingleAsync();
        return (referral, allocationId, (await Service(read).FindAsync(id))!);
    }

    private AssessmentInput Full(AssessmentView a, int? version = null, IReadOnlyList<string>? factors = null) =>
        new(a.Id, version ?? a.Version, Today.AddDays(-1), true, factors ?? ["3B", "16A"], "Neglect linked to the mother's experience of abuse.",
            "Maya says she wants her mum to be safe.", AssessmentOutcome.ChildInNeedPlan, null);

    private async Task<AssessmentView> ReadAsync(Guid id)
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        return (await Service(db).FindAsync(id))!;
    }

    private async Task<List<WorkItem>> OpenWorkAsync(Guid assessmentId)
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        return await db.WorkItems.AsNoTracking().Where(w => w.SubjectId == assessmentId && w.ClosedAt == null).ToListAsync();
    }

    private async Task<List<string>> EventsAsync(Guid assessmentId)
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        return await db.Events.AsNoTracking().Where(e => e.SubjectId == assessmentId).OrderBy(e => e.OccurredAt).Select(e => e.Type).ToListAsync();
    }

    [Fact]
    public async Task Allocating_StartsTheAssessment_Due45WorkingDaysFromTheReferral_OnTheWorkersTray()
    {
        var (referral, _, assessment) = await AllocatedAsync(_sam);

        assessment.WorkerId.ShouldBe(_sam.Id);
        assessment.StartedOn.ShouldBe(Today);
        assessment.DueOn.ShouldBe(Calendar.AddWorkingDays(referral.ReferralDate, 45));
        assessment.Stage.ShouldBe(AssessmentStage.InProgress);
        var item = (await OpenWorkAsync(assessment.Id)).ShouldHaveSingleItem();
        item.Kind.ShouldBe(WorkKind.Assessment);
        item.OwnerUserId.ShouldBe(_sam.Id);
        item.DueAt.ShouldBe(TimeLimits.EndOfDay(assessment.DueOn));
        (await EventsAsync(assessment.Id)).ShouldContain(AssessmentStarted.Name);
    }

    [Fact]
    public async Task Saving_KeepsWhatIsEntered_WithoutAskingForTheRest_AndOnlyItsWorkerMaySave()
    {
        var (_, _, a) = await AllocatedAsync(_sam);
        var draft = new AssessmentInput(a.Id, a.Version, null, null, ["2B"], "So far: mother uses cannabis daily.", null, null, null);

        await using (var db = As(_nia)) (await Service(db).SaveAsync(draft, complete: false)).Outcome.ShouldBe(AssessmentChange.NotAllowed);
        await using (var db = As(_manager)) (await Service(db).SaveAsync(draft, complete: false)).Outcome.ShouldBe(AssessmentChange.NotAllowed);
        await using (var db = As(_sam)) (await Service(db).SaveAsync(draft, complete: false)).Outcome.ShouldBe(AssessmentChange.Saved);

        var saved = await ReadAsync(a.Id);
        saved.Factors.ShouldBe(["2B"]);
        saved.Analysis.ShouldBe("So far: mother uses cannabis daily.");
        saved.Stage.ShouldBe(AssessmentStage.InProgress);
        saved.Version.ShouldBeGreaterThan(a.Version);
        (await OpenWorkAsync(a.Id)).Single().Kind.ShouldBe(WorkKind.Assessment);
        (await EventsAsync(a.Id)).ShouldContain(AssessmentSaved.Name);
    }

    [Fact]
    public async Task Completing_NeedsEverything_AndSaysWhatIsMissing_FieldByField()
    {
        var (_, _, a) = await AllocatedAsync(_sam);
        await using var db = As(_sam);

        var empty = await Service(db).SaveAsync(new AssessmentInput(a.Id, a.Version, null, null, [], null, null, null, null), complete: true);

        empty.Outcome.ShouldBe(AssessmentChange.Invalid);
        empty.Errors.Select(e => e.Field).ShouldBe(
            [AssessmentFields.ChildSeenOn, AssessmentFields.SeenAlone, AssessmentFields.Factors, AssessmentFields.Analysis, AssessmentFields.ChildsViews,
                AssessmentFields.Outcome], ignoreOrder: true);
        var other = await Service(db).SaveAsync(Full(a) with { Outcome = AssessmentOutcome.Other, OutcomeDetail = " " }, complete: true);
        other.Errors.ShouldHaveSingleItem().Field.ShouldBe(AssessmentFields.OutcomeDetail);
        (await ReadAsync(a.Id)).Version.ShouldBe(a.Version);
    }

    [Theory]
    [InlineData(new[] { "21", "3B" }, "cannot be chosen with other factors")]
    [InlineData(new[] { "18A" }, "18A is not one")]
    [InlineData(new[] { "ZZ" }, "ZZ is not one")]
    public async Task Factors_AreTheCensusCodes_And21StandsAlone(string[] factors, string message)
    {
        var (_, _, a) = await AllocatedAsync(_sam);
        await using var db = As(_sam);

        var result = await Service(db).SaveAsync(Full(a, factors: factors), complete: false);

        result.Outcome.ShouldBe(AssessmentChange.Invalid);
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain(message);
    }

    [Fact]
    public async Task TheChildSeenDate_IsBetweenTheReferralAndToday()
    {
        var (referral, _, a) = await AllocatedAsync(_sam);
        await using var db = As(_sam);

        var future = await Service(db).SaveAsync(Full(a) with { ChildSeenOn = Today.AddDays(1) }, complete: false);
        var before = await Service(db).SaveAsync(Full(a) with { ChildSeenOn = referral.ReferralDate.AddDays(-1) }, complete: false);
        var onReferralDay = await Service(db).SaveAsync(Full(a) with { ChildSeenOn = referral.ReferralDate }, complete: false);

        future.Errors.ShouldHaveSingleItem().Field.ShouldBe(AssessmentFields.ChildSeenOn);
        before.Errors.ShouldHaveSingleItem().Field.ShouldBe(AssessmentFields.ChildSeenOn);
        onReferralDay.Outcome.ShouldBe(AssessmentChange.Saved);
    }

    [Fact]
    public async Task Completing_ClosesTheWorkersItem_AndPutsTheAuthorisationOnTheTeamsTray()
    {
        var (_, _, a) = await AllocatedAsync(_sam);

        await using (var db = As(_sam)) (await Service(db).SaveAsync(Full(a), complete: true)).Outcome.ShouldBe(AssessmentChange.Saved);

        var done = await ReadAsync(a.Id);
        done.Stage.ShouldBe(AssessmentStage.AwaitingAuthorisation);
        done.CompletedOn.ShouldBe(Today);
        done.CompletedByName.ShouldBe("Sam Okafor");
        done.Factors.ShouldBe(["3B", "16A"]);
        var item = (await OpenWorkAsync(a.Id)).ShouldHaveSingleItem();
        item.Kind.ShouldBe(WorkKind.AssessmentAuthorisation);
        item.OwnerTeamId.ShouldBe(_team.Id);
        item.OwnerUserId.ShouldBeNull();
        item.DueAt.ShouldBe(Calendar.DueAt(Now, TimeLimits.AssessmentAuthorisationWorkingDays));
        (await EventsAsync(a.Id)).ShouldContain(AssessmentCompleted.Name);
        await using (var db = As(_sam)) (await Service(db).SaveAsync(Full(done), complete: false)).Outcome.ShouldBe(AssessmentChange.ChangedElsewhere);
    }

    [Fact]
    public async Task OnlyAManagerOfTheWorker_Authorises_AndTheirDateIsTheCensusDate()
    {
        var (_, _, a) = await AllocatedAsync(_sam);
        await using (var db = As(_sam)) await Service(db).SaveAsync(Full(a), complete: true);
        var completed = await ReadAsync(a.Id);
        _time.Advance(TimeSpan.FromDays(1));

        await using (var db = As(_sam)) (await Service(db).AuthoriseAsync(a.Id, completed.Version)).Outcome.ShouldBe(AssessmentChange.NotAllowed);
        await using (var db = As(_otherManager)) (await Service(db).AuthoriseAsync(a.Id, completed.Version)).Outcome.ShouldBe(AssessmentChange.NotAllowed);
        await using (var db = As(_manager)) (await Service(db).AuthoriseAsync(a.Id, completed.Version)).Outcome.ShouldBe(AssessmentChange.Saved);

        var authorised = await ReadAsync(a.Id);
        authorised.Stage.ShouldBe(AssessmentStage.Authorised);
        authorised.AuthorisedOn.ShouldBe(Today);
        authorised.AuthorisedByName.ShouldBe("Martin Hughes");
        (await OpenWorkAsync(a.Id)).ShouldBeEmpty();
        await using var read = _database.CreateContext(_time, Actor.System);
        var stored = await read.Events.AsNoTracking().Where(e => e.SubjectId == a.Id && e.Type == AssessmentAuthorised.Name).SingleAsync();
        EventCatalogue.Read(stored.Type, stored.Data).ShouldBeOfType<AssessmentAuthorised>().WithinTimescale.ShouldBeTrue();
    }

    [Fact]
    public async Task SendingBack_NeedsAReason_AndPutsTheAssessmentBackOnTheWorkersTray()
    {
        var (_, _, a) = await AllocatedAsync(_sam);
        await using (var db = As(_sam)) await Service(db).SaveAsync(Full(a), complete: true);
        var completed = await ReadAsync(a.Id);

        await using (var db = As(_manager))
        {
            (await Service(db).ReturnAsync(a.Id, completed.Version, "  ")).Errors.ShouldHaveSingleItem().Field.ShouldBe(AssessmentFields.ReturnReason);
            (await Service(db).ReturnAsync(a.Id, completed.Version, "Say what the school nurse told you")).Outcome.ShouldBe(AssessmentChange.Saved);
        }

        var returned = await ReadAsync(a.Id);
        returned.Stage.ShouldBe(AssessmentStage.InProgress);
        returned.ReturnedReason.ShouldBe("Say what the school nurse told you");
        var item = (await OpenWorkAsync(a.Id)).ShouldHaveSingleItem();
        item.Kind.ShouldBe(WorkKind.Assessment);
        item.OwnerUserId.ShouldBe(_sam.Id);
        item.DueAt.ShouldBe(TimeLimits.EndOfDay(a.DueOn));
        await using (var db = As(_sam)) (await Service(db).SaveAsync(Full(returned), complete: true)).Outcome.ShouldBe(AssessmentChange.Saved);
        (await ReadAsync(a.Id)).ReturnedReason.ShouldBeNull();
        (await EventsAsync(a.Id)).ShouldContain(AssessmentReturned.Name);
    }

    [Fact]
    public async Task TwoManagersAtOnce_OneAuthorises_TheOtherIsToldItChanged()
    {
        var (_, _, a) = await AllocatedAsync(_sam);
        await using (var db = As(_sam)) await Service(db).SaveAsync(Full(a), complete: true);
        var completed = await ReadAsync(a.Id);

        await using var first = As(_manager);
        await using var second = As(_deputy);
        var results = await Task.WhenAll(
            Task.Run(() => Service(first).AuthoriseAsync(a.Id, completed.Version)),
            Task.Run(() => Service(second).ReturnAsync(a.Id, completed.Version, "Needs the father's views")));

        results.Select(r => r.Outcome).ShouldBe([AssessmentChange.Saved, AssessmentChange.ChangedElsewhere], ignoreOrder: true);
        var after = await ReadAsync(a.Id);
        (after.Stage == AssessmentStage.Authorised ^ after.ReturnedReason is not null).ShouldBeTrue();
        (await OpenWorkAsync(a.Id)).Count.ShouldBe(after.Stage == AssessmentStage.Authorised ? 0 : 1);
    }

    [Fact]
    public async Task Reallocating_TheCase_HandsTheAssessmentAndItsItemToTheNewWorker()
    {
        var (_, allocationId, a) = await AllocatedAsync(_sam);
        int version;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            version = await db.CaseAllocations.Where(x => x.Id == allocationId).Select(x => x.Version).SingleAsync();
        }

        await using (var db = As(_manager))
        {
            var discussion = new AllocationDiscussion(Now.AddMinutes(-5), _manager.Id, _nia.Id, [new AgreedAction("Meet Maya", Today.AddDays(1))],
                "As before", null);
            (await Allocations(db).ReallocateAsync(allocationId, ReallocationReasonKind.Sickness, "Sam is off sick", discussion, CaseKind.ChildInNeed,
                null, null, version)).Outcome.ShouldBe(AllocationOutcome.Done);
        }

        var handedOver = await ReadAsync(a.Id);
        handedOver.WorkerId.ShouldBe(_nia.Id);
        (await OpenWorkAsync(a.Id)).ShouldHaveSingleItem().OwnerUserId.ShouldBe(_nia.Id);
        await using (var db = As(_sam)) (await Service(db).SaveAsync(Full(handedOver), complete: false)).Outcome.ShouldBe(AssessmentChange.NotAllowed);
        await using (var db = As(_nia)) (await Service(db).SaveAsync(Full(handedOver), complete: false)).Outcome.ShouldBe(AssessmentChange.Saved);
    }
}
