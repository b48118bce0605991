using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Assessments;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.CaseWork;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.Closure;
using Safeguard.Core.Conferences;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Security;
using Safeguard.Core.Work;

namespace Safeguard.Core.Tests.Seeding;

/// <summary>The large council's recent cases, worked through the domain services after the bulk load.</summary>
public sealed class LargeCouncilRecentCaseworkTests(AllocatedLargeSeed seed) : IClassFixture<AllocatedLargeSeed>
{
    private static readonly DateOnly Today = AllocatedLargeSeed.Options.EndDate;
    private static DateTimeOffset Now => new(Today.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
    private static DateTimeOffset WalkFrom => new(Today.AddMonths(-AllocatedLargeSeed.Options.WalkedMonths).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The walked cases: first allocated in the months walked (the bulk history writes the same step events for older ones).</summary>
    private static async Task<HashSet<Guid>> WalkedReferralsAsync(Core.Data.SafeguardDbContext db) =>
        (await db.CaseAllocations.Select(a => new { a.ReferralId, a.AllocatedAt }).ToListAsync())
        .GroupBy(a => a.ReferralId).Where(g => g.Min(a => a.AllocatedAt) >= WalkFrom).Select(g => g.Key).ToHashSet();

    private static async Task<HashSet<Guid>> WalkedAssessmentsAsync(Core.Data.SafeguardDbContext db)
    {
        var walked = await WalkedReferralsAsync(db);
        return (await db.Assessments.Select(a => new { a.Id, a.ReferralId }).ToListAsync()).Where(a => walked.Contains(a.ReferralId))
            .Select(a => a.Id).ToHashSet();
    }

    [Fact]
    public async Task RecentCases_HaveEveryStepOfThePathway_AsTheServicesRecordIt_DatedInThePastMonths()
    {
        await using var db = seed.Database.CreateContext();
        var types = await db.Events.Where(e => e.OccurredAt >= WalkFrom).GroupBy(e => e.Type)
            .Select(g => new { Type = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Type, g => g.Count);

        string[] steps =
        [
            AssessmentStarted.Name, AssessmentCompleted.Name, AssessmentAuthorised.Name, StrategyDiscussionHeld.Name, Section47Concluded.Name,
            InitialConferenceHeld.Name, ChildProtectionPlanStarted.Name, CoreGroupHeld.Name, ChildInNeedPlanStarted.Name, CaseNoteRecorded.Name,
            CaseClosed.Name, WorkOpened.Name, WorkClosed.Name,
        ];
        foreach (var step in steps) types.GetValueOrDefault(step).ShouldBeGreaterThan(0, step);

        // Nothing the services recorded is dated before the months walked, or after now.
        var serviceOnly = new[] { CaseNoteRecorded.Name, CoreGroupHeld.Name };
        (await db.Events.CountAsync(e => serviceOnly.Contains(e.Type) && (e.OccurredAt < WalkFrom || e.OccurredAt >= Now))).ShouldBe(0);
        var walked = (await WalkedReferralsAsync(db)).Concat(await WalkedAssessmentsAsync(db)).ToHashSet();
        var walkedSteps = (await db.Events.Where(e => (e.Type == AssessmentStarted.Name || e.Type == CaseClosed.Name))
            .Select(e => new { e.SubjectId, e.OccurredAt }).ToListAsync()).Where(e => walked.Contains(e.SubjectId!.Value)).ToList();
        walkedSteps.ShouldNotBeEmpty();
        walkedSteps.ShouldAllBe(e => e.OccurredAt >= WalkFrom && e.OccurredAt < Now);
    }

    [Fact]
    public async Task RecentAssessments_AreStartedAtAllocation_CompletedByTheirWorker_AndAuthorisedByTheWorkersManager()
    {
        await using var db = seed.Database.CreateContext();
        var started = (await WalkedAssessmentsAsync(db)).ToList();
        var assessments = await db.Assessments.Where(a => started.Contains(a.Id)).ToListAsync();
        var managers = await db.Users.Where(u => u.ManagerId != null).ToDictionaryAsync(u => u.Id, u => u.ManagerId!.Value);
        var allocations = await db.CaseAllocations.ToListAsync();

        assessments.Count.ShouldBeGreaterThan(20);
        foreach (var assessment in assessments)
        {
            var first = allocations.Where(a => a.ReferralId == assessment.ReferralId).MinBy(a => a.AllocatedAt)!;
            assessment.StartedOn.ShouldBe(DateOnly.FromDateTime(first.AllocatedAt.UtcDateTime));
            assessment.WorkerId.ShouldBe(first.WorkerId);
            if (assessment.AuthorisedOn is null) continue;
            var authorisedBy = await db.Events.Where(e => e.Type == AssessmentAuthorised.Name && e.SubjectId == assessment.Id)
                .Select(e => e.ActorUserId).SingleAsync();
            authorisedBy.ShouldBe(managers[assessment.WorkerId!.Value]);
        }
        // Still open where its steps fall after today: on its worker's tray, due on its statutory day.
        var open = await db.WorkItems.Where(w => w.Kind == WorkKind.Assessment && w.ClosedAt == null && started.Contains(w.SubjectId)).ToListAsync();
        open.ShouldNotBeEmpty();
        open.ShouldAllBe(w => w.OwnerUserId == assessments.Single(a => a.Id == w.SubjectId).WorkerId);
    }

    [Fact]
    public async Task RecentProtectionPlans_AreChairedByAChair_VisitedAndMetInCoreGroups_AndNotLateAtSeedTime()
    {
        await using var db = seed.Database.CreateContext();
        var walked = await WalkedReferralsAsync(db);
        var planIds = (await db.ChildPlans.Where(p => p.Kind == PlanKind.ChildProtection).Select(p => new { p.Id, p.ReferralId }).ToListAsync())
            .Where(p => walked.Contains(p.ReferralId)).Select(p => p.Id).ToList();
        var chairs = await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.ConferenceChair), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .ToListAsync();

        planIds.ShouldNotBeEmpty();
        foreach (var planId in planIds)
        {
            var plan = await db.ChildPlans.SingleAsync(p => p.Id == planId);
            var initial = await db.ChildProtectionConferences.SingleAsync(c => c.ChildPlanId == planId && c.Kind == ConferenceKind.Initial);
            chairs.ShouldContain(initial.ChairId);
            var visits = await db.CaseNotes.CountAsync(n => n.PersonId == plan.PersonId && n.Kind == CaseNoteKind.Visit);
            var weeks = (Today.DayNumber - plan.StartedOn.DayNumber) / 7;
            if (weeks >= 2) visits.ShouldBeGreaterThan(0);
            // The next visit, core group and review are on the worker's tray, none of them late today.
            var open = await db.WorkItems.Where(w => w.SubjectId == planId && w.ClosedAt == null).ToListAsync();
            open.Select(w => w.Kind).ShouldContain(WorkKind.Visit);
            open.Select(w => w.Kind).ShouldContain(WorkKind.ReviewConference);
            open.ShouldAllBe(w => w.DueAt > Now);
        }
    }
}
