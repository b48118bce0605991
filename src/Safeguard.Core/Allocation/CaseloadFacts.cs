using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Allocation;

/// <summary>The children whose caseload facts a save may move: kinds of case, and (when allocations changed) continuity.</summary>
internal sealed record ChildrenToFollow(HashSet<Guid> Kinds, HashSet<Guid> Continuity);

/// <summary>
/// Keeps the two facts the caseload pages read instead of working them out on every view: what each open allocation counts
/// as (<see cref="CaseAllocation.CountsAs"/>) and each child's <see cref="WorkerContinuity"/>. The context follows every
/// save that adds or changes an allocation, or a child's plan, section 47 enquiry or care period, in the same transaction,
/// whichever code made the change; seeders that write rows in bulk call <see cref="RebuildAllAsync"/> when they finish.
/// </summary>
internal static class CaseloadFacts
{
    public static ChildrenToFollow? Affected(ChangeTracker tracker)
    {
        HashSet<Guid>? kinds = null, continuity = null;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.Entity is CaseAllocation allocation) (continuity ??= []).Add(allocation.PersonId);
            var child = entry.Entity switch
            {
                CaseAllocation a => a.PersonId,
                ChildPlan p => p.PersonId,
                Section47Enquiry e => e.PersonId,
                LookedAfterPeriod l => l.PersonId,
                _ => (Guid?)null,
            };
            if (child is { } id) (kinds ??= []).Add(id);
        }
        return kinds is null ? null : new ChildrenToFollow(kinds, continuity ?? []);
    }

    public static async Task FollowAsync(SafeguardDbContext db, ChildrenToFollow children, CancellationToken ct)
    {
        await CountAsNowAsync(db, db.CaseAllocations.Where(a => a.EndedAt == null && children.Kinds.Contains(a.PersonId)), ct);
        if (children.Continuity.Count == 0) return;
        var allocations = await db.CaseAllocations.AsNoTracking().Where(a => children.Continuity.Contains(a.PersonId))
            .Select(a => new Held(a.PersonId, a.WorkerId, a.AllocatedAt, a.EndedAt)).ToListAsync(ct);
        var existing = await db.WorkerContinuity.Where(c => children.Continuity.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, ct);
        Apply(db, allocations, existing);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Both facts for every allocation and child, from scratch: after a bulk seed, or to repair.</summary>
    public static async Task RebuildAllAsync(SafeguardDbContext db, CancellationToken ct = default)
    {
        await CountAsNowAsync(db, db.CaseAllocations.Where(a => a.EndedAt == null), ct);
        var allocations = await db.CaseAllocations.AsNoTracking()
            .Select(a => new Held(a.PersonId, a.WorkerId, a.AllocatedAt, a.EndedAt)).ToListAsync(ct);
        var existing = await db.WorkerContinuity.ToDictionaryAsync(c => c.PersonId, ct);
        Apply(db, allocations, existing);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One statement: court stays court; otherwise child protection over looked after over child in need.</summary>
    private static Task<int> CountAsNowAsync(SafeguardDbContext db, IQueryable<CaseAllocation> open, CancellationToken ct) =>
        open.ExecuteUpdateAsync(s => s.SetProperty(a => a.CountsAs, a =>
            a.CaseKind == CaseKind.Court ? CaseKind.Court
            : db.ChildPlans.Any(p => p.PersonId == a.PersonId && p.EndedOn == null && p.Kind == PlanKind.ChildProtection)
              || db.Section47Enquiries.Any(e => e.PersonId == a.PersonId && e.EndedOn == null) ? CaseKind.ChildProtection
            : db.LookedAfterPeriods.Any(l => l.PersonId == a.PersonId && l.EndedOn == null) ? CaseKind.LookedAfter
            : CaseKind.ChildInNeed), ct);

    private sealed record Held(Guid PersonId, Guid WorkerId, DateTimeOffset AllocatedAt, DateTimeOffset? EndedAt);

    private static void Apply(SafeguardDbContext db, List<Held> allocations, Dictionary<Guid, WorkerContinuity> existing)
    {
        foreach (var child in allocations.GroupBy(a => a.PersonId))
        {
            var seenUntil = child.GroupBy(a => a.WorkerId)
                .Select(w => w.Any(a => a.EndedAt is null) ? null : w.Max(a => a.EndedAt))
                .ToList();
            existing.Remove(child.Key, out var row);
            if (seenUntil.Count < ManyWorkersRule.Workers)
            {
                if (row is not null) db.WorkerContinuity.Remove(row);
                continue;
            }
            if (row is null) row = db.WorkerContinuity.Add(new WorkerContinuity(child.Key)).Entity;
            row.NthWorkerSeenUntil = seenUntil.OrderByDescending(u => u ?? DateTimeOffset.MaxValue).ElementAt(ManyWorkersRule.Workers - 1);
            row.LatestAllocatedAt = child.Max(a => a.AllocatedAt);
        }
        // What is left belongs to children with no allocations any more (none are deleted today): they drop out.
        foreach (var gone in existing.Values) db.WorkerContinuity.Remove(gone);
    }
}
