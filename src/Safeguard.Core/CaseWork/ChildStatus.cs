using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.CaseWork;

public sealed record PlanStatus(PlanKind Kind, DateOnly StartedOn, string? Category);

/// <summary>An open referral or case: who holds it, or the team whose tray it waits in.</summary>
public sealed record CaseStatus(DateOnly ReferralDate, ReferralStatus Status, string TeamName, string? WorkerName);

public sealed record EnquiryStatus(DateOnly StartedOn);

public sealed record LookedAfterStatus(DateOnly StartedOn, LookedAfterLegalStatus LegalStatus);

/// <summary>An alert about a child that nobody has dealt with: what kind, in words (<see cref="Title"/>), and what it says.</summary>
public sealed record AlertStatus(string Title, string Message, DateTimeOffset RaisedAt);

/// <summary>
/// What is true about a child now, for anyone about to decide something about them: open plans, open referrals or
/// cases with their worker, an open section 47 enquiry, being looked after, and alerts nobody has dealt with.
/// </summary>
public sealed record ChildStatus(Guid PersonId, IReadOnlyList<PlanStatus> Plans, IReadOnlyList<CaseStatus> Cases,
    IReadOnlyList<EnquiryStatus> Enquiries, IReadOnlyList<LookedAfterStatus> LookedAfter, IReadOnlyList<AlertStatus> Alerts)
{
    public static ChildStatus None(Guid personId) => new(personId, [], [], [], [], []);

    public bool IsEmpty => Plans.Count == 0 && Cases.Count == 0 && Enquiries.Count == 0 && LookedAfter.Count == 0 && Alerts.Count == 0;

    /// <summary>A child protection category as people say it: "neglect", "physical abuse".</summary>
    public static string Category(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        null or "" => "category not recorded",
        "physical" or "physical-abuse" => "physical abuse",
        "emotional" or "emotional-abuse" => "emotional abuse",
        "sexual" or "sexual-abuse" => "sexual abuse",
        var other => other,
    };

    /// <summary>A date as pages and reasons write it: "3 March 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>
/// Why any contact about a child is a child protection matter, whatever it says: the child is on a child protection
/// plan, or a section 47 enquiry about them is open. (A member-initialised shape so the two sources read as one query.)
/// </summary>
public sealed record ChildProtectionFact
{
    public Guid PersonId { get; init; }
    /// <summary>True for a child protection plan, false for a section 47 enquiry.</summary>
    public bool IsPlan { get; init; }
    public DateOnly Since { get; init; }
    public string? Category { get; init; }

    /// <summary>The fact in plain words, e.g. "Maya Green has been on a child protection plan (neglect) since 3 March 2026".</summary>
    public string Describe(string childName) => IsPlan
        ? $"{childName} has been on a child protection plan ({ChildStatus.Category(Category)}) since {ChildStatus.Date(Since)}"
        : $"{childName} is the subject of a section 47 enquiry, open since {ChildStatus.Date(Since)}";

    /// <summary>
    /// The open child protection plans and open section 47 enquiries of <paramref name="personIds"/>, as one query
    /// (intake runs it once for a whole batch).
    /// </summary>
    public static IQueryable<ChildProtectionFact> Of(SafeguardDbContext db, IReadOnlyCollection<Guid> personIds, DateOnly today) =>
        db.ChildPlans.AsNoTracking()
            .Where(p => personIds.Contains(p.PersonId) && p.Kind == PlanKind.ChildProtection && (p.EndedOn == null || p.EndedOn > today))
            .Select(p => new ChildProtectionFact { PersonId = p.PersonId, IsPlan = true, Since = p.StartedOn, Category = p.Category })
            .Concat(db.Section47Enquiries.AsNoTracking()
                .Where(e => personIds.Contains(e.PersonId) && (e.EndedOn == null || e.EndedOn > today))
                .Select(e => new ChildProtectionFact { PersonId = e.PersonId, IsPlan = false, Since = e.StartedOn, Category = null }));
}

/// <summary>
/// Reads <see cref="ChildStatus"/> for one child or several, as projections (a handful of queries, not per child).
/// Alerts are read through <paramref name="alerts"/>: they belong to Oversight, which is above this area.
/// </summary>
public sealed class ChildStatuses(SafeguardDbContext db, IChildAlerts alerts)
{
    public async Task<ChildStatus> ForChildAsync(Guid personId, CancellationToken ct = default) =>
        (await ForChildrenAsync([personId], ct))[personId];

    public async Task<IReadOnlyDictionary<Guid, ChildStatus>> ForChildrenAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct = default)
    {
        var ids = personIds.Distinct().ToList();
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var plans = await db.ChildPlans.AsNoTracking()
            .Where(p => ids.Contains(p.PersonId) && (p.EndedOn == null || p.EndedOn > today))
            .OrderBy(p => p.Kind).ThenBy(p => p.StartedOn)
            .Select(p => new { p.PersonId, Status = new PlanStatus(p.Kind, p.StartedOn, p.Category) })
            .ToListAsync(ct);
        var cases = await (
                from r in db.Referrals.AsNoTracking()
                join t in db.Teams on r.TeamId equals t.Id
                where ids.Contains(r.PersonId) && r.Status != ReferralStatus.Closed
                orderby r.ReferralDate
                select new
                {
                    r.PersonId,
                    Status = new CaseStatus(r.ReferralDate, r.Status, t.Name,
                        db.Users.Where(u => u.Id == r.AllocatedWorkerId).Select(u => u.DisplayName).FirstOrDefault()),
                })
            .ToListAsync(ct);
        var enquiries = await db.Section47Enquiries.AsNoTracking()
            .Where(e => ids.Contains(e.PersonId) && (e.EndedOn == null || e.EndedOn > today))
            .OrderBy(e => e.StartedOn)
            .Select(e => new { e.PersonId, Status = new EnquiryStatus(e.StartedOn) })
            .ToListAsync(ct);
        var lookedAfter = await db.LookedAfterPeriods.AsNoTracking()
            .Where(l => ids.Contains(l.PersonId) && (l.EndedOn == null || l.EndedOn > today))
            .OrderBy(l => l.StartedOn)
            .Select(l => new { l.PersonId, Status = new LookedAfterStatus(l.StartedOn, l.LegalStatus) })
            .ToListAsync(ct);
        var open = await alerts.OpenAboutAsync(ids, ct);

        return ids.ToDictionary(id => id, id => new ChildStatus(id,
            plans.Where(p => p.PersonId == id).Select(p => p.Status).ToList(),
            cases.Where(c => c.PersonId == id).Select(c => c.Status).ToList(),
            enquiries.Where(e => e.PersonId == id).Select(e => e.Status).ToList(),
            lookedAfter.Where(l => l.PersonId == id).Select(l => l.Status).ToList(),
            open.Where(a => a.PersonId == id).Select(a => a.Alert).ToList()));
    }
}
