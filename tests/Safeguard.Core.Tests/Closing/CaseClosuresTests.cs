using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Closure;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Closing;

/// <summary>
/// Closing a child's case on a real database (either provider): the CIN reason and what closes with it, what stops it,
/// one winner of two at once, and a new referral within 12 months marked as a re-referral.
/// </summary>
public sealed class CaseClosuresTests : IAsyncLifetime
{
    // Wednesday 4 March 2026, 10:00 UK time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private StaffUser _manager = default!;
    private StaffUser _sam = default!;
    private Referral _referral = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        Guid team;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            team = (await TestData.CreateCouncilAsync(db)).Assessment.Id;
            _manager = await AllocationTestData.StaffAsync(db, "Martin Hughes", Roles.TeamManager, team);
            _sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, team);
            await AllocationTestData.QualifyAsync(db, _sam.Id, TimeLimits.UkDay(_time.GetUtcNow()), childProtectionTrained: true);
        }
        _referral = await AllocationTestData.AllocatedReferralAsync(_database, _time, team, _manager, _sam);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private SafeguardDbContext As(StaffUser user) => _database.CreateContext(_time, new Actor(user.Id, user.DisplayName));

    private static CaseClosures Closures(SafeguardDbContext db) =>
        new(db, new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default())), ConferenceTestData.ChildInNeedPlanService(db));

    private DateOnly Today => TimeLimits.UkDay(_time.GetUtcNow());

    [Fact]
    public async Task ClosingWithACinReason_EndsTheAllocationTheChildInNeedPlanAndTheCasesOpenWork()
    {
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            db.ChildPlans.Add(new ChildPlan(_referral.Id, _referral.PersonId, PlanKind.ChildInNeed, Today, null));
            await db.SaveChangesAsync();
            (await db.WorkItems.CountAsync(w => w.PersonId == _referral.PersonId && w.ClosedAt == null)).ShouldBeGreaterThan(0);
        }

        await using (var db = As(_manager))
        {
            var result = await Closures(db).CloseAsync(_referral.Id, _referral.Version, "RC7", Today, "Support from the family's school is enough now.");
            result.Outcome.ShouldBe(ClosureOutcome.Closed, string.Join("; ", result.Errors.Select(e => e.Message)));
        }

        await using var read = _database.CreateContext(_time, Actor.System);
        var closed = await read.Referrals.AsNoTracking().SingleAsync(r => r.Id == _referral.Id);
        (closed.Status, closed.ClosedOn, closed.ClosureReason, closed.ClosureSummary)
            .ShouldBe((ReferralStatus.Closed, Today, "RC7", "Support from the family's school is enough now."));
        (await read.CaseAllocations.SingleAsync(a => a.ReferralId == _referral.Id)).EndedAt.ShouldNotBeNull();
        (await read.ChildPlans.SingleAsync(p => p.ReferralId == _referral.Id)).EndedOn.ShouldBe(Today);
        (await read.WorkItems.CountAsync(w => w.PersonId == _referral.PersonId && w.ClosedAt == null)).ShouldBe(0);
        (await read.Events.SingleAsync(e => e.Type == CaseClosed.Name)).Summary
            .ShouldBe("Case closed: RC7 Services ceased for any other reason, including child no longer in need");
    }

    [Fact]
    public async Task AnOpenPlanOrEnquiry_OrClosingAfterAssessmentWithNoAssessment_StopsIt_AndEveryProblemIsSaid()
    {
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            db.ChildPlans.Add(new ChildPlan(_referral.Id, _referral.PersonId, PlanKind.ChildProtection, Today, "neglect"));
            db.Section47Enquiries.Add(new Section47Enquiry(_referral.PersonId, _referral.Id, Today));
            await db.SaveChangesAsync();
        }

        await using var manager = As(_manager);
        var result = await Closures(manager).CloseAsync(_referral.Id, _referral.Version, "RC8", Today.AddDays(1), " ");

        result.Outcome.ShouldBe(ClosureOutcome.Invalid);
        result.Errors.Select(e => e.Message).ShouldBe(
        [
            "End the child protection plan at a review conference before closing the case",
            "Record the outcome of the section 47 enquiry before closing the case",
            "RC8 is for a case closed after its assessment: complete the assessment first, or choose another reason",
            "The date the case closed must be today or in the past",
            "Enter a summary of why the case is closing",
        ]);
        (await Closures(manager).CloseAsync(_referral.Id, _referral.Version, "RC10", Today, "x")).Errors
            .ShouldContain(("Reason", "Select the reason for closure"));
        (await manager.Referrals.AsNoTracking().SingleAsync(r => r.Id == _referral.Id)).Status.ShouldBe(ReferralStatus.Allocated);
    }

    [Fact]
    public async Task TwoManagersClosingAtOnce_OneIsKept_TheOtherIsToldItChanged()
    {
        await using var first = As(_manager);
        await using var second = As(_manager);

        var results = await Task.WhenAll(
            Task.Run(() => Closures(first).CloseAsync(_referral.Id, _referral.Version, "RC5", Today, "Moved to Leeds.")),
            Task.Run(() => Closures(second).CloseAsync(_referral.Id, _referral.Version, "RC7", Today, "No longer in need.")));

        results.Select(r => r.Outcome).ShouldBe([ClosureOutcome.Closed, ClosureOutcome.ChangedElsewhere], ignoreOrder: true);
        await using var read = _database.CreateContext(_time, Actor.System);
        (await read.Events.CountAsync(e => e.Type == CaseClosed.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task AChildWhoMovesAwayBeforeTheirConference_ClosesWithTheConferencesWork()
    {
        var enquiry = await ConferenceTestData.EnquiryNeedingConferenceAsync(_database, _time, _sam, _referral.PersonId);
        int version;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            version = await db.Referrals.Where(r => r.Id == _referral.Id).Select(r => r.Version).SingleAsync();
        }

        await using (var db = As(_manager))
        {
            (await Closures(db).CloseAsync(_referral.Id, version, "RC5", Today, "Moved to Leeds; the case transferred to Leeds City Council.")).Outcome
                .ShouldBe(ClosureOutcome.Closed);
        }

        await using var read = _database.CreateContext(_time, Actor.System);
        (await read.WorkItems.CountAsync(w => w.SubjectId == enquiry && w.Kind == WorkKind.InitialConference && w.ClosedAt == null)).ShouldBe(0);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(364, true)]
    [InlineData(365, false)]
    public void ReReferralRule_CountsClosuresWithinTwelveMonthsBefore(int daysBetween, bool reReferral)
    {
        var referral = new DateOnly(2026, 3, 4);
        ReReferralRule.IsReReferral(referral, referral.AddDays(-daysBetween)).ShouldBe(reReferral);
        ReReferralRule.IsReReferral(referral, null).ShouldBeFalse();
        ReReferralRule.IsReReferral(referral, referral.AddDays(1)).ShouldBeFalse("a closure after the referral is not before it");
    }

    [Fact]
    public async Task ANewReferralAfterAClosure_IsMarkedAsAReReferral_AndTheDecisionPageKnowsBeforehand()
    {
        await using (var db = As(_manager))
        {
            (await Closures(db).CloseAsync(_referral.Id, _referral.Version, "RC7", Today, "No longer in need.")).Outcome.ShouldBe(ClosureOutcome.Closed);
        }
        _time.Advance(TimeSpan.FromDays(90));
        RecordedContact contact;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            var child = await db.People.AsNoTracking().SingleAsync(p => p.Id == _referral.PersonId);
            contact = await TestData.Intake(db).RecordAsync(TestData.Contact([TestData.Child(child.GivenName, child.FamilyName, child.DateOfBirth, personId: child.Id)],
                ["neglect"]));
            var view = (await new ContactDetails(db, new ScreeningDecisionClock(WorkingDayCalendar.Default()), new ChildStatuses(db, new Safeguard.Core.Oversight.ChildAlerts(db)))
                .ViewAsync(contact.Id, recordView: false))!;
            var seen = view.Children.ShouldHaveSingleItem();
            seen.LastClosure.ShouldBe((Today.AddDays(-90), "RC7"));
            seen.WouldBeReReferral(TimeLimits.UkDay(_time.GetUtcNow())).ShouldBeTrue();
            await new ScreeningDecisions(db, WorkingDayCalendar.Default())
                .DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.ReferralToSocialCare, "Neglect again", null), Guid.NewGuid(), false);
        }

        await using var read = _database.CreateContext(_time, Actor.System);
        var referrals = await read.Referrals.AsNoTracking().Where(r => r.PersonId == _referral.PersonId).OrderBy(r => r.ReferralDate).ToListAsync();
        referrals.Select(r => r.IsReReferral).ShouldBe([false, true]);
    }
}
