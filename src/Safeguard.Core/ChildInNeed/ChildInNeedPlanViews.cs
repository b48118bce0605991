using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Work;

namespace Safeguard.Core.ChildInNeed;

/// <summary>One review as the plan's page lists it.</summary>
public sealed record ChildInNeedReviewLine(Guid Id, DateOnly HeldOn, string Participants, string Progress, bool PlanContinues, string RecordedBy);

/// <summary>A child in need plan as its page shows it, with its next review.</summary>
public sealed record ChildInNeedPlanView(Guid Id, Guid PersonId, string ChildName, DateOnly StartedOn, DateOnly? EndedOn, string? EndReason,
    DateTimeOffset? NextReviewDue, IReadOnlyList<ChildInNeedReviewLine> Reviews, int Version)
{
    public bool IsOpen => EndedOn is null;

    /// <summary>The earliest date a new review may have: the plan's start or its last review.</summary>
    public DateOnly ReviewNotBefore => Reviews.Count > 0 ? Reviews.Max(r => r.HeldOn) : StartedOn;
}

/// <summary>Reads child in need plans for their pages and the child's record.</summary>
public sealed class ChildInNeedPlanViews(SafeguardDbContext db)
{
    public async Task<ChildInNeedPlanView?> FindAsync(Guid planId, CancellationToken ct = default)
    {
        var row = await (from pl in db.ChildPlans.AsNoTracking()
                         join p in db.People on pl.PersonId equals p.Id
                         where pl.Id == planId && pl.Kind == PlanKind.ChildInNeed
                         select new
                         {
                             Plan = pl, Child = p.GivenName + " " + p.FamilyName,
                             ReviewDue = db.WorkItems.Where(w => w.SubjectId == pl.Id && w.Kind == WorkKind.Review && w.ClosedAt == null)
                                 .Select(w => (DateTimeOffset?)w.DueAt).FirstOrDefault(),
                         })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var reviews = (await db.ChildInNeedReviews.AsNoTracking().Where(r => r.ChildPlanId == planId)
                .Select(r => new { r.Id, r.HeldOn, r.Participants, r.Progress, r.PlanContinues,
                    By = db.Users.Where(u => u.Id == r.RecordedBy).Select(u => u.DisplayName).FirstOrDefault() })
                .ToListAsync(ct))
            .OrderByDescending(r => r.HeldOn)
            .Select(r => new ChildInNeedReviewLine(r.Id, r.HeldOn, r.Participants, r.Progress, r.PlanContinues, r.By ?? ""))
            .ToList();
        var plan = row.Plan;
        return new ChildInNeedPlanView(plan.Id, plan.PersonId, row.Child.Trim(), plan.StartedOn, plan.EndedOn, plan.EndReason, row.ReviewDue, reviews,
            plan.Version);
    }

    /// <summary>A child's child in need plans, the latest first: (id, started, ended, next review due).</summary>
    public async Task<IReadOnlyList<(Guid Id, DateOnly StartedOn, DateOnly? EndedOn, DateTimeOffset? NextReviewDue)>> PlansOfAsync(Guid personId,
        CancellationToken ct = default) =>
        (await db.ChildPlans.AsNoTracking().Where(p => p.PersonId == personId && p.Kind == PlanKind.ChildInNeed)
            .Select(p => new
            {
                p.Id, p.StartedOn, p.EndedOn,
                Due = db.WorkItems.Where(w => w.SubjectId == p.Id && w.Kind == WorkKind.Review && w.ClosedAt == null).Select(w => (DateTimeOffset?)w.DueAt)
                    .FirstOrDefault(),
            })
            .ToListAsync(ct))
        .OrderByDescending(p => p.StartedOn).Select(p => (p.Id, p.StartedOn, p.EndedOn, p.Due)).ToList();
}
