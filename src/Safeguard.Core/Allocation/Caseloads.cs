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
    int OverdueSupervision,
    string? TeamName = null)
{
    /// <summary>Weighted load as a whole percentage of capacity (0 capacity: 100 % once they hold anything).</summary>
    public int PercentOfCapacity => Capacity > 0 ? (int)Math.Round(100 * WeightedLoad / Capacity) : WeightedLoad > 0 ? 100 : 0;

    /// <summary>Whether one more case of <paramref name="kind"/> would take them beyond capacity.</summary>
    public bool WouldExceed(CaseKind kind, CaseloadSettings settings) => WeightedLoad + settings.WeightOf(kind) > Capacity;
}

/// <summary>
/// Weighted caseloads (settings: <see cref="CaseloadSettings"/>). A case counts by what it is now: child protection
/// while the child has an open child protection plan or section 47 enquiry, looked after while in care, court when
/// allocated as such, otherwise child in need (kept on the allocation: <see cref="CaseAllocation.CountsAs"/>). A handful
/// of queries for any number of workers, none per worker; the cases themselves are counted in the database.
/// </summary>
public sealed class Caseloads(SafeguardDbContext db, IOptions<CaseloadSettings> settings)
{
    public CaseloadSettings Settings => settings.Value;

    private static readonly WorkKind[] SupervisionKinds = [WorkKind.CaseSupervision, WorkKind.PersonalSupervision];

    public async Task<IReadOnlyList<WorkerCaseload>> ForWorkersAsync(IReadOnlyCollection<Guid> workerIds, CancellationToken ct = default)
    {
        if (workerIds.Count == 0) return [];
        return await ForAsync(db.Users.Where(u => workerIds.Contains(u.Id)), ct);
    }

    /// <summary>The caseloads of a team's workers (<see cref="CaseHolders"/> whose team it is), by name.</summary>
    public Task<IReadOnlyList<WorkerCaseload>> ForTeamAsync(Guid teamId, CancellationToken ct = default) =>
        ForAsync(CaseHolders().Where(u => u.TeamId == teamId), ct);

    /// <summary>Every team's workers' caseloads, by name: for the service-level page (<see cref="ServiceCaseloads"/>).</summary>
    public Task<IReadOnlyList<WorkerCaseload>> ForAllTeamsAsync(CancellationToken ct = default) =>
        ForAsync(CaseHolders().Where(u => u.TeamId != null), ct);

    /// <summary>Every team with workers, added up, and the whole service (<see cref="ServiceCaseloads"/>): four queries.</summary>
    public async Task<ServiceCaseloads> ForServiceAsync(CancellationToken ct = default)
    {
        var workers = await ForAllTeamsAsync(ct);
        var teams = workers.GroupBy(w => w.TeamId!.Value)
            .Select(g => CaseloadSummary.Of(g.Key, g.First().TeamName ?? "Unknown team", g.ToList()))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture)
            .ToList();
        return new ServiceCaseloads(teams, CaseloadSummary.Of(null, "All teams", workers));
    }

    /// <summary>The council's teams by name (retired ones too, marked), for choosing whose caseloads to see.</summary>
    public async Task<IReadOnlyList<TeamChoice>> TeamsAsync(CancellationToken ct = default) =>
        (await db.Teams.AsNoTracking().Select(t => new TeamChoice(t.Id, t.Name, t.RetiredAt != null)).ToListAsync(ct))
        .OrderBy(t => t.Retired).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList();

    /// <summary>
    /// The people a caseload page lists: social workers whose accounts are in use, and anyone else who holds an open case
    /// (a manager or an assistant holding one, or an account disabled with cases still open, which must not vanish).
    /// </summary>
    public IQueryable<StaffUser> CaseHolders()
    {
        var socialWorkerRole = db.Roles.Where(r => r.Name == Security.Roles.SocialWorker).Select(r => r.Id);
        return db.Users.AsNoTracking().Where(u =>
            (!u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && socialWorkerRole.Contains(ur.RoleId)))
            || db.CaseAllocations.Any(a => a.WorkerId == u.Id && a.EndedAt == null));
    }

    /// <summary>
    /// The caseloads of the workers <paramref name="workers"/> selects (with their team's name): four queries whatever their number, each keyed by
    /// the workers read once and their ids, so a service-wide page costs little more than a team's.
    /// </summary>
    private async Task<IReadOnlyList<WorkerCaseload>> ForAsync(IQueryable<StaffUser> workers, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var today = Timescales.TimeLimits.UkDay(now);
        var people = await workers.AsNoTracking()
            .Select(u => new
            {
                u.Id, u.DisplayName, u.TeamId, u.SocialWorkEnglandNumber, u.RegistrationRenewsOn, u.PracticeStartedOn, u.Employment,
                u.EmploymentEndsOn, u.FullTimeEquivalent,
                TeamName = db.Teams.Where(t => t.Id == u.TeamId).Select(t => t.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (people.Count == 0) return [];
        // The workers are read once; the other queries take their ids (one array on PostgreSQL) rather than the workers'
        // query again, which PostgreSQL planned afresh in each.
        var ids = people.Select(p => p.Id).ToList();
        var cases = (await db.CaseAllocations.AsNoTracking().Where(a => a.EndedAt == null && ids.Contains(a.WorkerId))
            .GroupBy(a => new { a.WorkerId, a.CountsAs })
            .Select(g => new { g.Key.WorkerId, g.Key.CountsAs, Count = g.Count() })
            .ToListAsync(ct)).ToLookup(c => c.WorkerId);
        var away = await db.StaffAbsences.AsNoTracking().Where(a => ids.Contains(a.UserId) && a.To >= today)
            .OrderBy(a => a.From).ToListAsync(ct);
        var overdue = await db.WorkItems.AsNoTracking()
            .Where(w => w.ClosedAt == null && w.DueAt < now && w.OwnerUserId != null && ids.Contains(w.OwnerUserId.Value)
                        && (w.Kind == WorkKind.Visit || SupervisionKinds.Contains(w.Kind)))
            .GroupBy(w => new { w.OwnerUserId, IsVisit = w.Kind == WorkKind.Visit })
            .Select(g => new { g.Key.OwnerUserId, g.Key.IsVisit, Count = g.Count() })
            .ToListAsync(ct);
        return people.OrderBy(w => w.DisplayName, StringComparer.CurrentCulture).ThenBy(w => w.Id).Select(w =>
        {
            var theirs = cases[w.Id].ToList();
            var newlyQualified = CompetenceRules.IsNewlyQualifiedOn(w.PracticeStartedOn, today);
            return new WorkerCaseload(w.Id, w.DisplayName, w.TeamId, theirs.Sum(c => c.Count),
                theirs.Where(c => c.CountsAs == CaseKind.ChildProtection).Sum(c => c.Count),
                Math.Round(theirs.Sum(c => c.Count * Settings.WeightOf(c.CountsAs)), 2),
                Settings.CapacityOf(w.FullTimeEquivalent, newlyQualified),
                newlyQualified,
                Registration.IsRegisteredOn(w.SocialWorkEnglandNumber, w.RegistrationRenewsOn, today),
                w.RegistrationRenewsOn, w.Employment, w.EmploymentEndsOn,
                away.FirstOrDefault(a => a.UserId == w.Id),
                overdue.Where(o => o.OwnerUserId == w.Id && o.IsVisit).Sum(o => o.Count),
                overdue.Where(o => o.OwnerUserId == w.Id && !o.IsVisit).Sum(o => o.Count),
                w.TeamName);
        }).ToList();
    }

    /// <summary>The open cases of <paramref name="workerIds"/>, each with the kind of case it is now.</summary>
    public Task<IReadOnlyList<OpenCase>> OpenCasesAsync(IReadOnlyCollection<Guid> workerIds, CancellationToken ct = default) =>
        workerIds.Count == 0 ? Task.FromResult<IReadOnlyList<OpenCase>>([]) : OpenCasesOfAsync(db.Users.Where(u => workerIds.Contains(u.Id)).Select(u => u.Id), ct);

    /// <summary>Open cases of the workers <paramref name="workerIds"/> selects, oldest first, each as what it counts as now.</summary>
    private async Task<IReadOnlyList<OpenCase>> OpenCasesOfAsync(IQueryable<Guid> workerIds, CancellationToken ct) =>
        await db.CaseAllocations.AsNoTracking().Where(a => a.EndedAt == null && workerIds.Contains(a.WorkerId))
            .OrderBy(a => a.AllocatedAt).ThenBy(a => a.Id)
            .Select(a => new OpenCase(a.Id, a.WorkerId, a.PersonId, a.CountsAs, a.AllocatedAt, a.AcceptedAt))
            .ToListAsync(ct);

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

/// <summary>A team to choose on the caseload pages.</summary>
public sealed record TeamChoice(Guid Id, string Name, bool Retired);
