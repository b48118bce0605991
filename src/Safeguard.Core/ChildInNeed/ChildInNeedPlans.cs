using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.ChildInNeed;

/// <summary>
/// Child in need plans (docs/child-in-need-plans.md). A plan starts when an authorised assessment or a concluded section 47
/// enquiry says the child needs one; it is reviewed on its own cycle (<see cref="ChildInNeedReviewDueRule"/>), each review
/// work for the child's worker; it ends at a review, when a child protection plan begins, or when the case closes. Each
/// change is made in the caller's unit of work (or its own save, for a review) with its work items and its event.
/// </summary>
public sealed class ChildInNeedPlans(SafeguardDbContext db, WorkItems work, IWorkingDayCalendar calendar, IOptions<VisitSettings> settings)
{
    /// <summary>
    /// Starts a plan for the referral's child on <paramref name="on"/>, after <paramref name="after"/> ("assessment"), with its first
    /// review on the clock; none when the child already has an open child in need or child protection plan.
    /// </summary>
    public async Task<ChildPlan?> StartAsync(Referral referral, DateOnly on, string after, CancellationToken ct = default)
    {
        if (await db.ChildPlans.AnyAsync(p => p.PersonId == referral.PersonId && p.EndedOn == null, ct)) return null;
        var number = await db.ChildPlans.CountAsync(p => p.PersonId == referral.PersonId && p.Kind == PlanKind.ChildInNeed, ct) + 1;
        var plan = new ChildPlan(referral.Id, referral.PersonId, PlanKind.ChildInNeed, on, null, number);
        db.ChildPlans.Add(plan);
        var reviewOn = OpenReview(plan, referral, await db.PersonNameAsync(plan.PersonId, ct), on);
        db.Record(new ChildInNeedPlanStarted(plan.Id, referral.Id, on, after, reviewOn), plan.PersonId, nameof(ChildPlan), plan.Id);
        return plan;
    }

    /// <summary>Ends the child's open child in need plans on <paramref name="on"/> (a child protection plan began; the case closed).</summary>
    public async Task<int> EndOpenAsync(Guid personId, DateOnly on, string reason, CancellationToken ct = default)
    {
        var plans = await db.ChildPlans.Where(p => p.PersonId == personId && p.Kind == PlanKind.ChildInNeed && p.EndedOn == null).ToListAsync(ct);
        foreach (var plan in plans) await EndAsync(plan, on < plan.StartedOn ? plan.StartedOn : on, reason, ct);
        return plans.Count;
    }

    /// <summary>
    /// Records a review of an open plan, made from the plan's <paramref name="expectedVersion"/>: the plan continues, with its
    /// next review on the clock, or ends with a reason. A plan reviewed or ended since is refused as changed elsewhere.
    /// </summary>
    public async Task<ChildInNeedReviewResult> ReviewAsync(Guid planId, int expectedVersion, ChildInNeedReviewInput input, CancellationToken ct = default)
    {
        if (db.Actor.UserId is not { } recorder) return ChildInNeedReviewResult.NotFound;
        var plan = await db.ChildPlans.SingleOrDefaultAsync(p => p.Id == planId && p.Kind == PlanKind.ChildInNeed, ct);
        if (plan is null) return ChildInNeedReviewResult.NotFound;
        var lastReview = await db.ChildInNeedReviews.AsNoTracking().Where(r => r.ChildPlanId == planId)
            .OrderByDescending(r => r.HeldOn).Select(r => (DateOnly?)r.HeldOn).FirstOrDefaultAsync(ct);
        var now = db.Time.GetUtcNow();
        var errors = ChildInNeedReviewRules.Check(input, lastReview ?? plan.StartedOn, TimeLimits.UkDay(now));
        if (errors.Count > 0) return ChildInNeedReviewResult.Invalid(errors);
        if (!plan.IsOpen || plan.Version != expectedVersion) return ChildInNeedReviewResult.ChangedElsewhere;

        var heldOn = input.HeldOn!.Value;
        var review = new ChildInNeedReview(plan.Id, plan.PersonId, heldOn, input.Participants!.Trim(), input.Progress!.Trim(), input.PlanContinues!.Value,
            recorder);
        db.ChildInNeedReviews.Add(review);
        foreach (var item in await work.OpenAboutAsync(plan.Id, [WorkKind.Review], ct)) work.Close(item, now);
        DateOnly? nextReview = null;
        if (review.PlanContinues)
        {
            var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == plan.ReferralId, ct);
            nextReview = OpenReview(plan, referral, await db.PersonNameAsync(plan.PersonId, ct), heldOn);
        }
        db.Claim(plan);
        db.Record(new ChildInNeedPlanReviewed(review.Id, plan.Id, heldOn, review.PlanContinues, nextReview), plan.PersonId, nameof(ChildPlan), plan.Id,
            review.Progress);
        if (!review.PlanContinues) await EndAsync(plan, heldOn, input.EndReason!.Trim(), ct);
        return await db.SaveUnlessChangedElsewhereAsync(ct) ? ChildInNeedReviewResult.Recorded : ChildInNeedReviewResult.ChangedElsewhere;
    }

    private async Task EndAsync(ChildPlan plan, DateOnly on, string reason, CancellationToken ct)
    {
        plan.End(on, reason);
        var now = db.Time.GetUtcNow();
        foreach (var item in await work.OpenAboutAsync(plan.Id, [WorkKind.Review], ct)) work.Close(item, now);
        db.Record(new ChildInNeedPlanEnded(plan.Id, on, reason), plan.PersonId, nameof(ChildPlan), plan.Id, reason);
    }

    /// <summary>The next review as work for the case's worker (or their team's tray when nobody holds it), due at the end of its day.</summary>
    private DateOnly OpenReview(ChildPlan plan, Referral referral, string childName, DateOnly from)
    {
        var dueOn = ChildInNeedReviewDueRule.DueOn(calendar, from, settings.Value);
        var item = work.Open(WorkKind.Review, plan.Id, $"Review the child in need plan: {childName}", referral.TeamId, Priority.Standard, plan.PersonId,
            db.Time.GetUtcNow(), TimeLimits.EndOfDay(dueOn));
        if (referral.AllocatedWorkerId is { } worker) work.Reassign(item, referral.TeamId, worker);
        return dueOn;
    }

}
