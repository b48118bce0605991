using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Allocation;

/// <summary>One worker's caseload now, and what a manager needs to know before giving them another case.</summary>
public sealed record WorkerCaseload(
    Guid WorkerId,
    string Name,
    Guid? TeamId,
    int Cases,
    int ChildProtectionCases,
    double WeightedLoad,
    double Capacity,
    bool NewlyQualified,
    bool Registered,
    DateOnly? RegistrationRenewsOn,
    EmploymentKind? Employment,
    DateOnly? EmploymentEndsOn,
    StaffAbsence? Away,
    int OverdueVisits,
    int OverdueSupervision)
{
    /// <summary>Weighted load as a whole percentage of capacity (0 capacity: 100 % once they hold anything).</summary>
    public int PercentOfCapacity => Capacity > 0 ? (int)Math.Round(100 * WeightedLoad / Capacity) : WeightedLoad > 0 ? 100 : 0;

    /// <summary>Whether one more case of <paramref name="kind"/> would take them beyond capacity.</summary>
    public bool WouldExceed(CaseKind kind, CaseloadSettings settings) => WeightedLoad + settings.WeightOf(kind) > Capacity;
}

/// <summary>
/// Weighted caseloads (settings: <see cref="CaseloadSettings"/>). A case counts by what it is now: child protection
/// while the child has an open child protection plan or section 47 enquiry, looked after while in care, court when
/// allocated as such, otherwise child in need. A handful of queries for any number of workers, none per worker.
/// </summary>
public sealed class Caseloads(SafeguardDbContext db, IOptions<CaseloadSettings> settings)
{
    public CaseloadSettings Settings => settings.Value;

    private static readonly WorkKind[] SupervisionKinds = [WorkKind.CaseSupervision, WorkKind.PersonalSupervision];

    public async Task<IReadOnlyList<WorkerCaseload>> ForWorkersAsync(IReadOnlyCollection<Guid> workerIds, CancellationToken ct = default)
    {
        if (workerIds.Count == 0) return [];
        var now = db.Time.GetUtcNow();
        var today = Timescales.TimeLimits.UkDay(now);
        var workers = await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id))
            .Select(u => new
            {
                u.Id, u.DisplayName, u.TeamId, u.SocialWorkEnglandNumber, u.RegistrationRenewsOn, u.PracticeStartedOn, u.Employment,
                u.EmploymentEndsOn, u.FullTimeEquivalent,
            })
            .ToListAsync(ct);
        var cases = await OpenCasesAsync(workerIds, ct);
        var away = await db.StaffAbsences.AsNoTracking().Where(a => workerIds.Contains(a.UserId) && a.To >= today)
            .OrderBy(a => a.From).ToListAsync(ct);
        var overdue = await db.WorkItems.AsNoTracking()
            .Where(w => w.ClosedAt == null && w.DueAt < now && w.OwnerUserId != null && workerIds.Contains(w.OwnerUserId.Value)
                        && (w.Kind == WorkKind.Visit || SupervisionKinds.Contains(w.Kind)))
            .GroupBy(w => new { w.OwnerUserId, IsVisit = w.Kind == WorkKind.Visit })
            .Select(g => new { g.Key.OwnerUserId, g.Key.IsVisit, Count = g.Count() })
            .ToListAsync(ct);
        return workers.OrderBy(w => w.DisplayName).Select(w =>
        {
            var theirs = cases.Where(c => c.WorkerId == w.Id).ToList();
            var newlyQualified = CompetenceRules.IsNewlyQualifiedOn(w.PracticeStartedOn, today);
            return new WorkerCaseload(w.Id, w.DisplayName, w.TeamId, theirs.Count,
                theirs.Count(c => c.Kind == CaseKind.ChildProtection),
                Math.Round(theirs.Sum(c => Settings.WeightOf(c.Kind)), 2),
                Settings.CapacityOf(w.FullTimeEquivalent, newlyQualified),
                newlyQualified,
                Registration.IsRegisteredOn(w.SocialWorkEnglandNumber, w.RegistrationRenewsOn, today),
                w.RegistrationRenewsOn, w.Employment, w.EmploymentEndsOn,
                away.FirstOrDefault(a => a.UserId == w.Id),
                overdue.Where(o => o.OwnerUserId == w.Id && o.IsVisit).Sum(o => o.Count),
                overdue.Where(o => o.OwnerUserId == w.Id && !o.IsVisit).Sum(o => o.Count));
        }).ToList();
    }

    /// <summary>The open cases of <paramref name="workerIds"/>, each with the kind of case it is now.</summary>
    public async Task<IReadOnlyList<OpenCase>> OpenCasesAsync(IReadOnlyCollection<Guid> workerIds, CancellationToken ct = default)
    {
        var open = await db.CaseAllocations.AsNoTracking().Where(a => a.EndedAt == null && workerIds.Contains(a.WorkerId))
            .Select(a => new { a.Id, a.WorkerId, a.PersonId, a.CaseKind, a.AllocatedAt, a.AcceptedAt })
            .ToListAsync(ct);
        var kinds = await KindsNowAsync(open.Select(o => o.PersonId).Distinct().ToList(), ct);
        return open.Select(o => new OpenCase(o.Id, o.WorkerId, o.PersonId,
                KindNow(o.CaseKind, kinds.GetValueOrDefault(o.PersonId)), o.AllocatedAt, o.AcceptedAt))
            .ToList();
    }

    /// <summary>The kind of case each child's status makes it now (null: nothing beyond child in need).</summary>
    public async Task<Dictionary<Guid, CaseKind>> KindsNowAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct = default)
    {
        var result = new Dictionary<Guid, CaseKind>();
        if (personIds.Count == 0) return result;
        var lookedAfter = await db.LookedAfterPeriods.AsNoTracking().Where(l => l.EndedOn == null && personIds.Contains(l.PersonId))
            .Select(l => l.PersonId).Distinct().ToListAsync(ct);
        var protection = await db.ChildPlans.AsNoTracking()
            .Where(p => p.EndedOn == null && p.Kind == PlanKind.ChildProtection && personIds.Contains(p.PersonId)).Select(p => p.PersonId)
            .Union(db.Section47Enquiries.AsNoTracking().Where(e => e.EndedOn == null && personIds.Contains(e.PersonId)).Select(e => e.PersonId))
            .ToListAsync(ct);
        foreach (var id in lookedAfter) result[id] = CaseKind.LookedAfter;
        foreach (var id in protection) result[id] = CaseKind.ChildProtection;
        return result;
    }

    /// <summary>
    /// The kind a case counts as: court when allocated as court work; otherwise the child's status now (child protection
    /// over looked after over child in need).
    /// </summary>
    public static CaseKind KindNow(CaseKind allocatedAs, CaseKind? statusNow) =>
        allocatedAs == CaseKind.Court ? CaseKind.Court : statusNow ?? CaseKind.ChildInNeed;
}

/// <summary>A case a worker holds now: the allocation, the child, the kind of case it is now, and whether they accepted it.</summary>
public sealed record OpenCase(Guid AllocationId, Guid WorkerId, Guid PersonId, CaseKind Kind, DateTimeOffset AllocatedAt, DateTimeOffset? AcceptedAt);
