using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Conferences;
using Safeguard.Core.Data;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;
using static Safeguard.TestCommon.ConferenceTestData;

namespace Safeguard.Core.Tests.Conferencing;

/// <summary>
/// Initial and review child protection conferences and core groups on a real database (either provider): the plan and
/// its clocks, the chair's role, a second plan, categories changing at review, a plan ending with a reason, one winner.
/// </summary>
public sealed class ChildProtectionConferencesTests : IAsyncLifetime
{
    // Wednesday 4 March 2026, 10:00 UK time (GMT).
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private StaffUser _manager = default!;
    private StaffUser _sam = default!;
    private StaffUser _chair = default!;
    private Guid _enquiryId;
    private Guid _personId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        Guid team;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            team = (await TestData.CreateCouncilAsync(db)).Assessment.Id;
            _manager = await AllocationTestData.StaffAsync(db, "Martin Hughes", Roles.TeamManager, team);
            _sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, team);
            _chair = await AllocationTestData.StaffAsync(db, "Ruth Morgan", Roles.ConferenceChair, null);
            await AllocationTestData.QualifyAsync(db, _sam.Id, TimeLimits.UkDay(_time.GetUtcNow()), childProtectionTrained: true);
        }
        var referral = await AllocationTestData.AllocatedReferralAsync(_database, _time, team, _manager, _sam);
        _personId = referral.PersonId;
        _enquiryId = await EnquiryNeedingConferenceAsync(_database, _time, _sam, _personId);
        // The conference, two weeks later: Wednesday 18 March 2026.
        _time.Advance(TimeSpan.FromDays(14));
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private SafeguardDbContext As(StaffUser user) => _database.CreateContext(_time, new Actor(user.Id, user.DisplayName));

    private SafeguardDbContext Read() => _database.CreateContext(_time, Actor.System);

    private DateTimeOffset HalfAnHourAgo => _time.GetUtcNow().AddMinutes(-30);

    private async Task<ChildPlan> HoldInitialWithPlanAsync(AbuseCategory category = AbuseCategory.Neglect)
    {
        await using var db = As(_chair);
        var result = await ConferenceService(db).HoldInitialAsync(_enquiryId, Input(HalfAnHourAgo, _chair.Id, category: category));
        result.Outcome.ShouldBe(ConferenceOutcome.Recorded, string.Join("; ", result.Errors.Select(e => e.Message)));
        await using var read = Read();
        return await read.ChildPlans.AsNoTracking().SingleAsync(p => p.PersonId == _personId && p.EndedOn == null);
    }

    private async Task<List<WorkItem>> OpenWorkAsync(Guid subjectId, WorkKind kind)
    {
        await using var db = Read();
        return await db.WorkItems.AsNoTracking().Where(w => w.SubjectId == subjectId && w.Kind == kind && w.ClosedAt == null).ToListAsync();
    }

    [Fact]
    public async Task APlan_StartsOnTheConferenceDate_WithTheFirstCoreGroupIn10WorkingDays_AndTheFirstReviewIn3Months()
    {
        (await OpenWorkAsync(_enquiryId, WorkKind.InitialConference)).ShouldHaveSingleItem();

        var plan = await HoldInitialWithPlanAsync();

        plan.Kind.ShouldBe(PlanKind.ChildProtection);
        plan.StartedOn.ShouldBe(new DateOnly(2026, 3, 18));
        plan.Category.ShouldBe("neglect");
        plan.InitialCategory.ShouldBe("neglect");
        plan.Number.ShouldBe(1);
        (await OpenWorkAsync(_enquiryId, WorkKind.InitialConference)).ShouldBeEmpty();
        // 10 working days after Wednesday 18 March 2026: Wednesday 1 April (Good Friday is 3 April).
        var coreGroup = (await OpenWorkAsync(plan.Id, WorkKind.CoreGroup)).ShouldHaveSingleItem();
        TimeLimits.UkDay(coreGroup.DueAt).ShouldBe(new DateOnly(2026, 4, 1));
        coreGroup.OwnerUserId.ShouldBe(_sam.Id);
        coreGroup.Priority.ShouldBe(Priority.ChildProtection);
        var review = (await OpenWorkAsync(plan.Id, WorkKind.ReviewConference)).ShouldHaveSingleItem();
        review.DueAt.ShouldBe(TimeLimits.EndOfDay(new DateOnly(2026, 6, 18)));
        review.OwnerUserId.ShouldBe(_sam.Id);

        await using var read = Read();
        var conference = await read.ChildProtectionConferences.AsNoTracking().SingleAsync(c => c.Section47EnquiryId == _enquiryId);
        conference.ChairId.ShouldBe(_chair.Id);
        conference.ChildPlanId.ShouldBe(plan.Id);
        conference.FamilyAttendance.ShouldBe(FamilyAttendance.Attended);
        (await read.ConferenceAttendees.CountAsync(a => a.ConferenceId == conference.Id)).ShouldBe(3);
        (await read.Events.SingleAsync(e => e.Type == InitialConferenceHeld.Name)).Summary
            .ShouldBe("Initial child protection conference: child protection plan (neglect)");
        (await read.Events.SingleAsync(e => e.Type == ChildProtectionPlanStarted.Name)).Summary
            .ShouldBe("Child protection plan started; first core group by 1 April 2026, first review by 18 June 2026");
        (await read.CaseAllocations.Where(a => a.PersonId == _personId && a.EndedAt == null).Select(a => a.CountsAs).SingleAsync())
            .ShouldBe(CaseKind.ChildProtection);
    }

    [Fact]
    public async Task NoPlan_EndsTheConferencesWork_AndStartsNoPlan()
    {
        await using (var db = As(_chair))
        {
            (await ConferenceService(db).HoldInitialAsync(_enquiryId, Input(HalfAnHourAgo, _chair.Id, plan: false, category: null))).Outcome
                .ShouldBe(ConferenceOutcome.Recorded);
        }

        await using var read = Read();
        (await read.ChildPlans.CountAsync(p => p.PersonId == _personId)).ShouldBe(0);
        (await OpenWorkAsync(_enquiryId, WorkKind.InitialConference)).ShouldBeEmpty();
        (await read.Events.SingleAsync(e => e.Type == InitialConferenceHeld.Name)).Summary.ShouldBe("Initial child protection conference: no child protection plan");
    }

    [Fact]
    public async Task TheChair_MustHoldTheConferenceChairRole_AndEveryProblemIsShownAtOnce()
    {
        await using var db = As(_chair);
        var input = new ConferenceInput(_time.GetUtcNow().AddHours(1), _sam.Id, [new(Agency.Police, "DC Alex Moore", "CAIU"), new(null, "Jo", "")],
            null, null, true, null, " ");

        var result = await ConferenceService(db).HoldInitialAsync(_enquiryId, input);

        result.Outcome.ShouldBe(ConferenceOutcome.Invalid);
        result.Errors.Select(e => e.Field).ShouldBe(["HeldAt", "ChairId", "Attendees[1].Agency", "Attendees[1].Role", "Attendees", "FamilyAttendance", "Category",
            "DecisionReasons"]);
        result.Errors.Single(e => e.Field == "ChairId").Message.ShouldBe("Choose the chair: a conference chair");
        (await db.ChildProtectionConferences.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AnEnquiryWhoseOutcomeIsNotAConference_CannotHaveOne()
    {
        await using var chairDb = As(_chair);
        (await ConferenceService(chairDb).HoldInitialAsync(NewId.Next(), Input(HalfAnHourAgo, _chair.Id))).Outcome.ShouldBe(ConferenceOutcome.NotFound);

        await using (var db = Read())
        {
            await db.Section47Enquiries.Where(e => e.Id == _enquiryId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Outcome, Section47Outcome.ChildInNeedPlan));
        }
        var refused = await ConferenceService(chairDb).HoldInitialAsync(_enquiryId, Input(HalfAnHourAgo, _chair.Id));
        refused.Outcome.ShouldBe(ConferenceOutcome.Invalid);
        refused.Errors.ShouldHaveSingleItem().Message.ShouldBe("This enquiry's outcome was that no conference is required");
    }

    [Fact]
    public async Task ASecondPlan_IsNumberedAndSaidToBeOne()
    {
        await using (var db = Read())
        {
            var referral = await db.Referrals.FirstAsync(r => r.PersonId == _personId);
            db.ChildPlans.Add(new ChildPlan(referral.Id, _personId, PlanKind.ChildProtection, new DateOnly(2024, 1, 10), "physical") { EndedOn = new DateOnly(2025, 1, 10) });
            await db.SaveChangesAsync();
        }

        var plan = await HoldInitialWithPlanAsync(AbuseCategory.Emotional);

        plan.Number.ShouldBe(2);
        await using var read = Read();
        (await read.Events.SingleAsync(e => e.Type == ChildProtectionPlanStarted.Name)).Summary.ShouldStartWith("Child protection plan started (second plan for this child)");
        (await new ChildProtectionPlans(read).FindAsync(plan.Id))!.Number.ShouldBe(2);
    }

    [Fact]
    public async Task AReview_CanChangeTheLatestCategory_AndPutsTheNextReviewAtMost6MonthsLater()
    {
        var plan = await HoldInitialWithPlanAsync();
        _time.SetUtcNow(new DateTimeOffset(2026, 6, 10, 14, 0, 0, TimeSpan.Zero));

        await using (var db = As(_chair))
        {
            var result = await ConferenceService(db).HoldReviewAsync(plan.Id, plan.Version, Input(HalfAnHourAgo, _chair.Id, category: AbuseCategory.Multiple));
            result.Outcome.ShouldBe(ConferenceOutcome.Recorded, string.Join("; ", result.Errors.Select(e => e.Message)));
        }

        await using var read = Read();
        var reviewed = await read.ChildPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id);
        reviewed.Category.ShouldBe("multiple");
        reviewed.InitialCategory.ShouldBe("neglect");
        reviewed.IsOpen.ShouldBeTrue();
        reviewed.Version.ShouldBe(plan.Version + 1);
        (await OpenWorkAsync(plan.Id, WorkKind.ReviewConference)).ShouldHaveSingleItem().DueAt.ShouldBe(TimeLimits.EndOfDay(new DateOnly(2026, 12, 10)));
        (await read.Events.SingleAsync(e => e.Type == ReviewConferenceHeld.Name)).Summary
            .ShouldBe("Review child protection conference: plan continues, category changed from neglect to multiple categories; next review by 10 December 2026");
        var view = (await new ChildProtectionPlans(read).FindAsync(plan.Id))!;
        view.Conferences.Select(c => c.Kind).ShouldBe([ConferenceKind.Review, ConferenceKind.Initial]);
        view.NextReviewDue.ShouldBe(TimeLimits.EndOfDay(new DateOnly(2026, 12, 10)));
    }

    [Fact]
    public async Task APlanEndsAtAReview_WithAReason_AndItsOpenWorkCloses()
    {
        var plan = await HoldInitialWithPlanAsync();
        _time.Advance(TimeSpan.FromDays(60));

        await using (var db = As(_chair))
        {
            var noReason = await ConferenceService(db).HoldReviewAsync(plan.Id, plan.Version, Input(HalfAnHourAgo, _chair.Id, plan: false, category: null));
            noReason.Errors.ShouldHaveSingleItem().ShouldBe(("EndReason", "Enter why the plan ends"));
            var ended = await ConferenceService(db).HoldReviewAsync(plan.Id, plan.Version,
                Input(HalfAnHourAgo, _chair.Id, plan: false, category: null, endReason: "Risks reduced; support continues under a child in need plan"));
            ended.Outcome.ShouldBe(ConferenceOutcome.Recorded);
        }

        await using var read = Read();
        var closed = await read.ChildPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id);
        closed.EndedOn.ShouldBe(TimeLimits.UkDay(_time.GetUtcNow()));
        closed.EndReason.ShouldBe("Risks reduced; support continues under a child in need plan");
        closed.Category.ShouldBe("neglect");
        (await OpenWorkAsync(plan.Id, WorkKind.ReviewConference)).ShouldBeEmpty();
        (await OpenWorkAsync(plan.Id, WorkKind.CoreGroup)).ShouldBeEmpty();
        (await read.Events.SingleAsync(e => e.Type == ChildProtectionPlanEnded.Name)).Reason.ShouldBe(closed.EndReason);

        await using var chairDb = As(_chair);
        (await ConferenceService(chairDb).HoldReviewAsync(plan.Id, closed.Version, Input(HalfAnHourAgo, _chair.Id))).Outcome
            .ShouldBe(ConferenceOutcome.ChangedElsewhere);
    }

    [Fact]
    public async Task TheFirstCoreGroup_ClosesItsWork()
    {
        var plan = await HoldInitialWithPlanAsync();
        _time.Advance(TimeSpan.FromDays(6));
        var today = TimeLimits.UkDay(_time.GetUtcNow());

        await using (var db = As(_sam))
        {
            var early = await ConferenceService(db).RecordCoreGroupAsync(plan.Id, new CoreGroupInput(plan.StartedOn.AddDays(-1), "Sam, Jo", "Agreed"));
            early.Errors.ShouldHaveSingleItem().Message.ShouldBe("The core group meeting must be on or after the plan started, 18 March 2026");
            (await ConferenceService(db).RecordCoreGroupAsync(plan.Id, new CoreGroupInput(today, "Sam Okafor (social worker), Jo Bell (health visitor), mother",
                "Weekly visits; nursery place from April."))).Outcome.ShouldBe(ConferenceOutcome.Recorded);
            (await ConferenceService(db).RecordCoreGroupAsync(plan.Id, new CoreGroupInput(today, "Sam Okafor, mother", "Review of the visits."))).Outcome
                .ShouldBe(ConferenceOutcome.Recorded);
        }

        (await OpenWorkAsync(plan.Id, WorkKind.CoreGroup)).ShouldBeEmpty();
        await using var read = Read();
        (await read.Events.Where(e => e.Type == CoreGroupHeld.Name).OrderBy(e => e.Id).Select(e => e.Summary).ToListAsync())
            .ShouldBe(["First core group meeting held", "Core group meeting held"]);
        (await new ChildProtectionPlans(read).FindAsync(plan.Id))!.CoreGroups.Count.ShouldBe(2);
    }

    [Fact]
    public async Task TwoChairsRecordingTheInitialConferenceAtOnce_OneIsKept_TheOtherIsToldItChanged()
    {
        StaffUser second;
        await using (var db = Read()) second = await AllocationTestData.StaffAsync(db, "Priya Shah", Roles.ConferenceChair, null);
        await using var first = As(_chair);
        await using var other = As(second);

        var results = await Task.WhenAll(
            Task.Run(() => ConferenceService(first).HoldInitialAsync(_enquiryId, Input(HalfAnHourAgo, _chair.Id))),
            Task.Run(() => ConferenceService(other).HoldInitialAsync(_enquiryId, Input(HalfAnHourAgo, second.Id, category: AbuseCategory.Physical))));

        results.Select(r => r.Outcome).ShouldBe([ConferenceOutcome.Recorded, ConferenceOutcome.ChangedElsewhere], ignoreOrder: true);
        await using var read = Read();
        (await read.ChildProtectionConferences.CountAsync()).ShouldBe(1);
        (await read.ChildPlans.CountAsync(p => p.PersonId == _personId)).ShouldBe(1);
    }

    [Fact]
    public async Task TwoReviewsAtOnce_OneIsKept_TheOtherIsToldItChanged()
    {
        var plan = await HoldInitialWithPlanAsync();
        _time.Advance(TimeSpan.FromDays(60));
        await using var first = As(_chair);
        await using var other = As(_chair);

        var results = await Task.WhenAll(
            Task.Run(() => ConferenceService(first).HoldReviewAsync(plan.Id, plan.Version, Input(HalfAnHourAgo, _chair.Id))),
            Task.Run(() => ConferenceService(other).HoldReviewAsync(plan.Id, plan.Version, Input(HalfAnHourAgo, _chair.Id, plan: false, category: null, endReason: "Safe"))));

        results.Select(r => r.Outcome).ShouldBe([ConferenceOutcome.Recorded, ConferenceOutcome.ChangedElsewhere], ignoreOrder: true);
        await using var read = Read();
        (await read.ChildProtectionConferences.CountAsync(c => c.Kind == ConferenceKind.Review)).ShouldBe(1);
    }
}
