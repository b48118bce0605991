using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Chronology;

/// <summary>A contact about the child before this decision: when, the start of the concern, whether an injury was seen, and its outcome.</summary>
public sealed record EarlierContact(Guid ContactId, DateTimeOffset ReceivedAt, string Reference, string Concern, bool Injury, ScreeningOutcome? Outcome);

/// <summary>A plan the child has had: its kind, number, and dates.</summary>
public sealed record EarlierPlan(PlanKind Kind, int Number, DateOnly StartedOn, DateOnly? EndedOn, string? Category);

/// <summary>
/// What a decision-maker sees of the child's history before recording the decision (docs/chronology.md): contacts in the
/// last 12 months, referrals, plans (and whether a new child protection plan would be a second or later one), contacts that
/// reported an injury (at any time), and the open alerts. <paramref name="Status"/> is the child's current status.
/// </summary>
public sealed record DecisionHistory(Guid PersonId, string ChildName, IReadOnlyList<EarlierContact> ContactsInLastYear, int Referrals, DateOnly? LastClosedOn,
    IReadOnlyList<EarlierPlan> Plans, IReadOnlyList<EarlierContact> Injuries, ChildStatus Status)
{
    /// <summary>A child protection plan made now would be the child's second or later.</summary>
    public bool NextProtectionPlanIsRepeat => Plans.Any(p => p.Kind == PlanKind.ChildProtection);

    public int ProtectionPlans => Plans.Count(p => p.Kind == PlanKind.ChildProtection);
}

/// <summary>
/// The child's history shown on every page where a decision about them is recorded (the screening decision, a strategy
/// discussion, an allocation, an initial conference), and the record that it was shown to the person deciding.
/// </summary>
public sealed class HistoryAtDecision(SafeguardDbContext db, ChildStatuses statuses)
{
    public const int ContactMonths = 12;

    /// <summary>
    /// The child's history before the decision about <paramref name="aboutContact"/> (the contact being decided, or the one
    /// behind the referral being allocated), which is left out of its own history. <paramref name="status"/>: the child's
    /// status when the caller has read it already (the contact's page reads every child's), so it is not read twice.
    /// </summary>
    public async Task<DecisionHistory> ForChildAsync(Guid personId, Guid? aboutContact = null, ChildStatus? status = null,
        CancellationToken ct = default)
    {
        var since = db.Time.GetUtcNow().AddMonths(-ContactMonths);
        var contacts = await (from cc in db.ContactChildren.AsNoTracking()
                              join c in db.Contacts on cc.ContactId equals c.Id
                              where cc.PersonId == personId && c.Id != aboutContact && (c.ReceivedAt >= since || c.InjurySeen)
                              orderby c.ReceivedAt descending
                              select new { c.Id, c.ReceivedAt, c.Reference, c.Concern, c.InjurySeen, c.Outcome })
            .Take(200).ToListAsync(ct);
        var earlier = contacts.Select(c => new EarlierContact(c.Id, c.ReceivedAt, c.Reference, ContactReceived.Excerpt(c.Concern), c.InjurySeen, c.Outcome))
            .ToList();
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.PersonId == personId && r.ContactId != aboutContact)
            .Select(r => new { r.ClosedOn }).ToListAsync(ct);
        var plans = await db.ChildPlans.AsNoTracking().Where(p => p.PersonId == personId).OrderByDescending(p => p.StartedOn)
            .Select(p => new EarlierPlan(p.Kind, p.Number, p.StartedOn, p.EndedOn, p.Category)).ToListAsync(ct);
        return new DecisionHistory(personId, await db.PersonNameAsync(personId, ct), earlier.Where(c => c.ReceivedAt >= since).ToList(), referrals.Count,
            referrals.Max(r => r.ClosedOn), plans, earlier.Where(c => c.Injury).ToList(), status ?? await statuses.ForChildAsync(personId, ct));
    }

    /// <summary>The child's history before the decision about <paramref name="referralId"/> (its allocation), which is left out of it.</summary>
    public async Task<DecisionHistory?> ForReferralAsync(Guid referralId, CancellationToken ct = default)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId).Select(r => new { r.PersonId, r.ContactId }).SingleOrDefaultAsync(ct);
        return referral is null ? null : await ForChildAsync(referral.PersonId, referral.ContactId, ct: ct);
    }

    /// <summary>Records on the child's record that <paramref name="history"/> was shown on <paramref name="where"/> to the person deciding.</summary>
    public async Task RecordShownAsync(DecisionHistory history, string where, CancellationToken ct = default)
    {
        db.Record(new DecisionHistoryShown(where, history.ContactsInLastYear.Count, history.Referrals, history.Plans.Count, history.Injuries.Count,
            history.Status.Alerts.Count), history.PersonId, "Person", history.PersonId);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The child's history was shown to the person about to record a decision on <paramref name="Where"/>, with what it held.</summary>
public sealed record DecisionHistoryShown(string Where, int ContactsInLastYear, int Referrals, int Plans, int Injuries, int OpenAlerts) : IEvent, IRecordsAReading
{
    public static string Name => "history.shown";

    public string Describe() =>
        $"History shown before {Where}: {ContactsInLastYear} contact(s) in 12 months, {Referrals} referral(s), {Plans} plan(s), {Injuries} injury report(s), {OpenAlerts} open alert(s)";
}
