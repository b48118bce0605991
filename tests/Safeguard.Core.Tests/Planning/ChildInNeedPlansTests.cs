using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.CaseWork;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.Closure;
using Safeguard.Core.Conferences;
using Safeguard.Core.Data;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Planning;

/// <summary>
/// Child in need plans on a real database (either provider): started by an authorised assessment or a section 47 enquiry,
/// reviewed on their own cycle as work for the child's worker, ended at a review, by a child protection plan or by the
/// case closing, and one winner when two people review at once.
/// </summary>
public sealed class ChildInNeedPlansTests : IAsyncLifetime
{
    // Wednesday 4 March 2026, 10:00 UK time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private TestDatabase _database = default!;
    private StaffUser _manager = default!;
    private StaffUser _sam = default!;
    private StaffUser _chair = default!;
    private Referral _referral = default!;

    private DateOnly Today => TimeLimits.UkDay(_time.GetUtcNow());

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        Guid team;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            var council = await TestData.CreateCouncilAsync(db);
            team = council.Assessment.Id;
            _manager = await AllocationTestData.StaffAsync(db, "Martin Hughes", Roles.TeamManager, team);
            _sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, team);
            _chair = await AllocationTestData.StaffAsync(db, "Carol Chair", Roles.ConferenceChair, council.ChildProtection.Id);
            await AllocationTestData.QualifyAsync(db, _sam.Id, Today, childProtectionTrained: true);
        }
        _referral = await AllocationTestData.AllocatedReferralAsync(_database, _time, team, _manager, _sam);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private SafeguardDbContext As(StaffUser user) => _database.CreateContext(_time, new Actor(user.Id, user.DisplayName));

    private static ChildInNeedPlans Plans(SafeguardDbContext db, int months = 3) =>
        ConferenceTestData.ChildInNeedPlanService(db, new VisitSettings { ChildInNeedReviewMonths = months });

    private static ChildInNeedReviewInput Continues(DateOnly on) =>
        new(on, "Maya, her mother, the school nurse", "Attendance is up to 95%; the family now has a debt adviser.", true, null);

    private async Task<List<WorkItem>> ReviewsOpenAsync(Guid planId)
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        return await db.WorkItems.AsNoTracking().Where(w => w.SubjectId == planId && w.Kind == WorkKind.Review && w.ClosedAt == null).ToListAsync();
    }

    /// <summary>The plan's own events (not the automatic record of its rows changing), in order.</summary>
    private async Task<List<string>> PlanEventsAsync(Guid planId)
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        return await db.Events.AsNoTracking().Where(e => e.SubjectId == planId && e.Type.StartsWith("plan.")).OrderBy(e => e.Id).Select(e => e.Type)
            .ToListAsync();
    }

    [Fact]
    public async Task AnAuthorisedAssessmentWithAChildInNeedOutcome_StartsThePlan_WithItsFirstReviewOnTheWorkersTray()
    {
        var plan = await ChildInNeedTestData.PlanAfterAssessmentAsync(_database, _time, _manager, _sam, _referral);

        plan.StartedOn.ShouldBe(Today);
        plan.PersonId.ShouldBe(_referral.PersonId);
        var review = (await ReviewsOpenAsync(plan.Id)).ShouldHaveSingleItem();
        review.OwnerUserId.ShouldBe(_sam.Id);
        // 4 June 2026 is a Thursday: three months on, a working day.
        review.DueAt.ShouldBe(TimeLimits.EndOfDay(new DateOnly(2026, 6, 4)));
        review.Title.ShouldBe("Review the child in need plan: Maya Green");
        (await PlanEventsAsync(plan.Id)).ShouldContain(ChildInNeedPlanStarted.Name);
        await using var db = _database.CreateContext(_time, Actor.System);
        var started = await db.Events.AsNoTracking().SingleAsync(e => e.SubjectId == plan.Id && e.Type == ChildInNeedPlanStarted.Name);
        EventCatalogue.Read(started.Type, started.Data).ShouldBeOfType<ChildInNeedPlanStarted>().FirstReviewDue.ShouldBe(new DateOnly(2026, 6, 4));
    }

    [Fact]
    public async Task TheReviewCycle_IsASetting_AndFallsBackToTheLastWorkingDay()
    {
        var plan = await ChildInNeedTestData.PlanAfterAssessmentAsync(_database, _time, _manager, _sam, _referral);
        // Two months from Wednesday 4 March 2026 is Monday 4 May 2026, the early May bank holiday: the Friday before.
        ChildInNeedReviewDueRule.DueOn(Calendar, plan.StartedOn, new VisitSettings { ChildInNeedReviewMonths = 2 }).ShouldBe(new DateOnly(2026, 5, 1));

        await using (var db = As(_sam))
        {
            (await Plans(db, months: 2).ReviewAsync(plan.Id, plan.Version, Continues(Today))).Outcome.ShouldBe(ChildInNeedReviewOutcome.Recorded);
        }
        (await ReviewsOpenAsync(plan.Id)).ShouldHaveSingleItem().DueAt.ShouldBe(TimeLimits.EndOfDay(new DateOnly(2026, 5, 1)));
    }

    [Fact]
    public async Task AReviewThatEndsThePlan_NeedsAReason_EndsIt_AndClosesItsReview()
    {
        var plan = await ChildInNeedTestData.PlanAfterAssessmentAsync(_database, _time, _manager, _sam, _referral);
        _time.Advance(TimeSpan.FromDays(30));

        await using (var db = As(_sam))
        {
            var noReason = await Plans(db).ReviewAsync(plan.Id, plan.Version, Continues(Today) with { PlanContinues = false });
            noReason.Outcome.ShouldBe(ChildInNeedReviewOutcome.Invalid);
            noReason.Errors.ShouldBe([(ChildInNeedReviewFields.EndReason, "Enter why the plan ends")]);

            var ended = await Plans(db).ReviewAsync(plan.Id, plan.Version,
                Continues(Today.AddDays(-1)) with { PlanContinues = false, EndReason = "Needs met: stepped down to early help" });
            ended.Outcome.ShouldBe(ChildInNeedReviewOutcome.Recorded);
        }

        await using var read = _database.CreateContext(_time, Actor.System);
        var stored = await read.ChildPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id);
        (stored.EndedOn, stored.EndReason).ShouldBe((Today.AddDays(-1), "Needs met: stepped down to early help"));
        (await ReviewsOpenAsync(plan.Id)).ShouldBeEmpty();
        (await PlanEventsAsync(plan.Id)).ShouldBe([ChildInNeedPlanStarted.Name, ChildInNeedPlanReviewed.Name, ChildInNeedPlanEnded.Name]);
        (await read.ChildInNeedReviews.AsNoTracking().SingleAsync(r => r.ChildPlanId == plan.Id)).PlanContinues.ShouldBeFalse();
    }

    [Fact]
    public async Task AReviewMissingEverything_OrDatedWrongly_SaysEveryProblem()
    {
        var plan = await ChildInNeedTestData.PlanAfterAssessmentAsync(_database, _time, _manager, _sam, _referral);
        await using var db = As(_sam);

        var empty = await Plans(db).ReviewAsync(plan.Id, plan.Version, new ChildInNeedReviewInput(null, " ", null, null, null));
        empty.Errors.Select(e => e.Field).ShouldBe([ChildInNeedReviewFields.HeldOn, ChildInNeedReviewFields.Participants, ChildInNeedReviewFields.Progress,
            ChildInNeedReviewFields.PlanContinues]);

        (await Plans(db).ReviewAsync(plan.Id, plan.Version, Continues(Today.AddDays(1)))).Errors
            .ShouldBe([(ChildInNeedReviewFields.HeldOn, "The review must have been held already: enter today or a day before")]);
        (await Plans(db).ReviewAsync(plan.Id, plan.Version, Continues(Today.AddDays(-1)))).Errors
            .ShouldBe([(ChildInNeedReviewFields.HeldOn, "The review must be on or after 4 March 2026, when the plan began or was last reviewed")]);
        (await Plans(db).ReviewAsync(plan.Id, plan.Version, Continues(Today) with { Progress = new string('x', 8001) })).Errors
            .ShouldBe([(ChildInNeedReviewFields.Progress, "This must be 8,000 characters or fewer")]);
        (await db.ChildInNeedReviews.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task TwoPeopleReviewingAtOnce_OneIsRecorded_TheOtherIsToldItChanged()
    {
        var plan = await ChildInNeedTestData.PlanAfterAssessmentAsync(_database, _time, _manager, _sam, _referral);
        await using var first = As(_sam);
        await using var second = As(_manager);

        var results = await Task.WhenAll(
            Plans(first).ReviewAsync(plan.Id, plan.Version, Continues(Today)),
            Plans(second).ReviewAsync(plan.Id, plan.Version, Continues(Today) with { Progress = "Written by the manager" }));

        results.Select(r => r.Outcome).Order().ShouldBe([ChildInNeedReviewOutcome.Recorded, ChildInNeedReviewOutcome.ChangedElsewhere]);
        await using var read = _database.CreateContext(_time, Actor.System);
        (await read.ChildInNeedReviews.CountAsync(r => r.ChildPlanId == plan.Id)).ShouldBe(1);
        (await ReviewsOpenAsync(plan.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ASection47EnquiryEndingInAChildInNeedPlan_StartsOne()
    {
        await using (var db = As(_sam))
        {
            var input = new StrategyDiscussionInput(_referral.PersonId, _time.GetUtcNow().AddHours(-1),
                [new(Agency.ChildrensSocialCare, "Sam Okafor", "Social worker"), new(Agency.Police, "DC Alex Moore", "CAIU"),
                    new(Agency.Health, "Dr Ama Osei", "GP"), new(Agency.Education, "Mrs Price", "Head teacher")],
                null, null, null, "Bruising seen at school.", true, "Reasonable cause to suspect significant harm.", []);
            (await ConferenceTestData.Strategy(db).RecordAsync(input)).Outcome.ShouldBe(StrategyOutcome.Recorded);
        }
        await using (var db = As(_sam))
        {
            var enquiry = await db.Section47Enquiries.AsNoTracking().SingleAsync(e => e.PersonId == _referral.PersonId);
            (await ConferenceTestData.Outcomes(db).ConcludeAsync(enquiry.Id, enquiry.Version, Section47Outcome.ChildInNeedPlan, "Not significant harm; needs support."))
                .Outcome.ShouldBe(StrategyOutcome.Recorded);
        }

        await using var read = _database.CreateContext(_time, Actor.System);
        var plan = await read.ChildPlans.AsNoTracking().SingleAsync(p => p.PersonId == _referral.PersonId);
        (plan.Kind, plan.StartedOn, plan.IsOpen).ShouldBe((PlanKind.ChildInNeed, Today, true));
        (await ReviewsOpenAsync(plan.Id)).ShouldHaveSingleItem().OwnerUserId.ShouldBe(_sam.Id);
        var started = await read.Events.AsNoTracking().SingleAsync(e => e.SubjectId == plan.Id && e.Type == ChildInNeedPlanStarted.Name);
        started.Summary.ShouldBe("Child in need plan started after the section 47 enquiry; first review by 4 June 2026");
    }

    [Fact]
    public async Task AChildProtectionPlan_EndsTheChildInNeedPlan_AndItsReview()
    {
        var plan = await ChildInNeedTestData.PlanAfterAssessmentAsync(_database, _time, _manager, _sam, _referral);
        var enquiryId = await ConferenceTestData.EnquiryNeedingConferenceAsync(_database, _time, _sam, _referral.PersonId);
        await using (var db = As(_chair))
        {
            var held = await ConferenceTestData.ConferenceService(db).HoldInitialAsync(enquiryId, ConferenceTestData.Input(_time.GetUtcNow().AddMinutes(-5), _chair.Id));
            held.Outcome.ShouldBe(ConferenceOutcome.Recorded, string.Join("; ", held.Errors.Select(e => e.Message)));
        }

        await using var read = _database.CreateContext(_time, Actor.System);
        var ended = await read.ChildPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id);
        (ended.EndedOn, ended.EndReason).ShouldBe((Today, "A child protection plan began"));
        (await ReviewsOpenAsync(plan.Id)).ShouldBeEmpty();
        (await read.ChildPlans.CountAsync(p => p.PersonId == _referral.PersonId && p.EndedOn == null && p.Kind == PlanKind.ChildProtection)).ShouldBe(1);
    }

    [Fact]
    public async Task ClosingTheCase_EndsThePlan_WithItsOwnEvent_AndClosesItsReview()
    {
        var plan = await ChildInNeedTestData.PlanAfterAssessmentAsync(_database, _time, _manager, _sam, _referral);
        await using (var db = As(_manager))
        {
            var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == _referral.Id);
            var closures = new CaseClosures(db, new WorkItems(db, new WorkClocks(Calendar)), Plans(db));
            var closed = await closures.CloseAsync(referral.Id, referral.Version, "RC8", Today, "Plan's goals met.");
            closed.Outcome.ShouldBe(ClosureOutcome.Closed, string.Join("; ", closed.Errors.Select(e => e.Message)));
        }

        (await ReviewsOpenAsync(plan.Id)).ShouldBeEmpty();
        (await PlanEventsAsync(plan.Id)).ShouldBe([ChildInNeedPlanStarted.Name, ChildInNeedPlanEnded.Name]);
    }

    [Fact]
    public async Task AChildWithAnOpenPlan_DoesNotGetASecondOne()
    {
        var plan = await ChildInNeedTestData.PlanAfterAssessmentAsync(_database, _time, _manager, _sam, _referral);
        await using var db = _database.CreateContext(_time, Actor.System);
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == _referral.Id);

        (await Plans(db).StartAsync(referral, Today, "assessment")).ShouldBeNull();
        await db.SaveChangesAsync();
        (await db.ChildPlans.CountAsync(p => p.PersonId == referral.PersonId)).ShouldBe(1);
        plan.IsOpen.ShouldBeTrue();
    }
}
