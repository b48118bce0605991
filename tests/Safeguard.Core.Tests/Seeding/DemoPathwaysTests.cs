using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Assessments;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.CaseWork;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.Closure;
using Safeguard.Core.Conferences;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.Tests.Seeding;

/// <summary>
/// The demo council's cases went from allocation to plan and closure through the services themselves: each step has its
/// typed event on its own day, and what is still to do is on the workers' trays and not late.
/// </summary>
public sealed class DemoPathwaysTests(SeededDemoCouncil demo) : IClassFixture<SeededDemoCouncil>
{
    private static readonly WorkKind[] PathwayWork =
    [
        WorkKind.Assessment, WorkKind.AssessmentAuthorisation, WorkKind.InitialConference, WorkKind.CoreGroup, WorkKind.Visit, WorkKind.Review,
        WorkKind.ReviewConference,
    ];

    private static async Task<DateTimeOffset> EventAtAsync(Core.Data.SafeguardDbContext db, string type, Guid subjectId) =>
        (await db.Events.Where(e => e.Type == type && e.SubjectId == subjectId).Select(e => e.OccurredAt).ToListAsync()).ShouldHaveSingleItem(type);

    [Fact]
    public async Task EveryAllocatedCase_WasAssessed_StartedAtAllocation_CompletedByItsWorker_AndAuthorisedByTheirManagerLater()
    {
        await using var db = demo.Database.CreateContext();
        var now = demo.Time.GetUtcNow();
        var referrals = await db.Referrals.Where(r => r.Status == ReferralStatus.Allocated || r.Status == ReferralStatus.Closed).ToListAsync();
        var assessments = await db.Assessments.ToListAsync();
        assessments.Select(a => a.ReferralId).ShouldBe(referrals.Select(r => r.Id), ignoreOrder: true);

        foreach (var assessment in assessments)
        {
            var firstAllocation = await db.CaseAllocations.Where(a => a.ReferralId == assessment.ReferralId).MinAsync(a => a.AllocatedAt);
            var started = await EventAtAsync(db, AssessmentStarted.Name, assessment.Id);
            var completed = await EventAtAsync(db, AssessmentCompleted.Name, assessment.Id);
            var authorised = await EventAtAsync(db, AssessmentAuthorised.Name, assessment.Id);
            started.ShouldBe(firstAllocation);
            completed.ShouldBeGreaterThan(started);
            authorised.ShouldBeGreaterThan(completed);
            authorised.ShouldBeLessThan(now);
            TimeLimits.UkDay(authorised).ShouldBe(assessment.AuthorisedOn!.Value);
            assessment.CompletedBy.ShouldBe(assessment.WorkerId);
            assessment.AuthorisedBy.ShouldNotBe(assessment.WorkerId);
            assessment.AuthorisedOn!.Value.ShouldBeLessThanOrEqualTo(assessment.DueOn);
            assessment.Factors.ShouldNotBeNullOrEmpty();
        }
    }

    [Fact]
    public async Task EveryChildProtectionPlan_FollowedADiscussionWithPolice_HealthAndEducation_AnEnquiry_AndAConferenceInTime_AndIsKeptUp()
    {
        await using var db = demo.Database.CreateContext();
        var now = demo.Time.GetUtcNow();
        var plans = await db.ChildPlans.Where(p => p.Kind == PlanKind.ChildProtection).ToListAsync();
        plans.Count.ShouldBeGreaterThanOrEqualTo(4);

        foreach (var plan in plans)
        {
            var discussion = await db.StrategyDiscussions.SingleAsync(d => d.PersonId == plan.PersonId);
            var agencies = await db.StrategyParticipants.Where(p => p.StrategyDiscussionId == discussion.Id).Select(p => p.Agency).ToListAsync();
            agencies.ShouldBe([Agency.ChildrensSocialCare, Agency.Police, Agency.Health, Agency.Education], ignoreOrder: true);
            var enquiry = await db.Section47Enquiries.SingleAsync(e => e.Id == discussion.Section47EnquiryId);
            enquiry.Outcome.ShouldBe(Section47Outcome.InitialChildProtectionConference);
            var conference = await db.ChildProtectionConferences.SingleAsync(c => c.Section47EnquiryId == enquiry.Id);
            conference.ChildPlanId.ShouldBe(plan.Id);
            TimeLimits.UkDay(conference.HeldAt).ShouldBeLessThanOrEqualTo(enquiry.InitialConferenceTargetOn!.Value);
            await EventAtAsync(db, ChildProtectionPlanStarted.Name, plan.Id);

            (await db.CoreGroupMeetings.CountAsync(m => m.ChildPlanId == plan.Id)).ShouldBeGreaterThanOrEqualTo(1);
            (await db.CaseNotes.CountAsync(n => n.PersonId == plan.PersonId && n.Kind == CaseNoteKind.Visit && n.ChildSeen == true))
                .ShouldBeGreaterThanOrEqualTo(1);
            var open = await db.WorkItems.Where(w => w.SubjectId == plan.Id && w.ClosedAt == null).ToListAsync();
            open.Select(w => w.Kind).ShouldBe([WorkKind.Visit, WorkKind.ReviewConference], ignoreOrder: true);
            var worker = await db.Referrals.Where(r => r.Id == plan.ReferralId).Select(r => r.AllocatedWorkerId).SingleAsync();
            open.ShouldAllBe(w => w.OwnerUserId == worker && w.DueAt > now);
        }
        // The longest plan has been reviewed at conferences, on their clock.
        var longest = plans.MinBy(p => p.StartedOn)!;
        (await db.ChildProtectionConferences.CountAsync(c => c.ChildPlanId == longest.Id && c.Kind == ConferenceKind.Review)).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task ChildInNeedPlans_AreReviewedOnTheirCycle_WithTheNextReviewOnTheWorkersTray()
    {
        await using var db = demo.Database.CreateContext();
        var now = demo.Time.GetUtcNow();
        var open = await db.ChildPlans.Where(p => p.Kind == PlanKind.ChildInNeed && p.EndedOn == null).ToListAsync();
        open.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var plan in open)
        {
            var reviews = await db.ChildInNeedReviews.Where(r => r.ChildPlanId == plan.Id).CountAsync();
            if (plan.StartedOn < demo.Today.AddMonths(-4)) reviews.ShouldBeGreaterThanOrEqualTo(1);
            var next = await db.WorkItems.SingleAsync(w => w.SubjectId == plan.Id && w.Kind == WorkKind.Review && w.ClosedAt == null);
            next.DueAt.ShouldBeGreaterThan(now);
            next.OwnerUserId.ShouldBe(await db.Referrals.Where(r => r.Id == plan.ReferralId).Select(r => r.AllocatedWorkerId).SingleAsync());
            (await db.Events.CountAsync(e => e.Type == ChildInNeedPlanReviewed.Name && e.SubjectId == plan.Id)).ShouldBe(reviews);
        }
    }

    [Fact]
    public async Task LilyHarrisonsCase_ClosedLessThanAYearAgo_AfterHerPlanEnded_SoANewReferralWouldBeARereferral()
    {
        await using var db = demo.Database.CreateContext();
        var lily = await db.People.SingleAsync(p => p.GivenName == "Lily" && p.FamilyName == "Harrison");
        var referral = await db.Referrals.SingleAsync(r => r.PersonId == lily.Id && r.Status == ReferralStatus.Closed);
        referral.ClosureReason.ShouldBe("RC7");
        var plan = await db.ChildPlans.SingleAsync(p => p.ReferralId == referral.Id);
        plan.EndedOn.ShouldNotBeNull();
        referral.ClosedOn!.Value.ShouldBeGreaterThanOrEqualTo(plan.EndedOn.Value);
        await EventAtAsync(db, CaseClosed.Name, referral.Id);
        (await db.CaseAllocations.AnyAsync(a => a.ReferralId == referral.Id && a.EndedAt == null)).ShouldBeFalse();
        (await db.WorkItems.AnyAsync(w => w.PersonId == lily.Id && w.ClosedAt == null && PathwayWork.Contains(w.Kind))).ShouldBeFalse();
        ReReferralRule.IsReReferral(demo.Today, referral.ClosedOn).ShouldBeTrue();
    }

    [Fact]
    public async Task NoStepOfACase_IsLateOrDatedAfterTheSeed()
    {
        await using var db = demo.Database.CreateContext();
        var now = demo.Time.GetUtcNow();
        var late = await db.WorkItems.Where(w => w.ClosedAt == null && PathwayWork.Contains(w.Kind)).ToListAsync();
        late.Where(w => w.DueAt <= now).Select(w => w.Title).ShouldBeEmpty();
        var events = await db.Events.Select(e => e.OccurredAt).ToListAsync();
        events.ShouldAllBe(at => at <= now);
    }
}
