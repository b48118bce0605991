using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Work;

namespace Safeguard.Core.FrontDoor;

public sealed record PriorHistoryLine(DateTimeOffset At, string What, string? Outcome);

public sealed record ContactChildView(Guid PersonId, string Name, DateOnly? DateOfBirth, string? NhsNumber,
    IReadOnlyList<PriorHistoryLine> History)
{
    /// <summary>The child's open plans, case, enquiry, looked-after status and alerts, as the decision is made.</summary>
    public ChildStatus Status { get; init; } = ChildStatus.None(PersonId);

    /// <summary>When the child's last case closed, and its CIN reason: a referral now within 12 months of it is a re-referral.</summary>
    public (DateOnly ClosedOn, string? Reason)? LastClosure { get; init; }

    public bool WouldBeReReferral(DateOnly today) => ReReferralRule.IsReReferral(today, LastClosure?.ClosedOn);
}

public sealed record ContactView(Guid Id, string Reference, DateTimeOffset ReceivedAt, ContactChannel Channel, string Referrer,
    string? ReferrerOrganisation, string? ReferrerRole, string? ReferrerEmail, string? ReferrerPhone, string Concern,
    IReadOnlyList<string> Categories, bool InjurySeen, bool ImmediateRisk, bool? ParentsAware, Priority Priority, string? PriorityReason,
    ContactStatus Status, DateTimeOffset DecisionDueAt, DateTimeOffset FeedbackDueAt, ScreeningOutcome? Outcome, string? DecisionReasons,
    string? FeedbackForReferrer, DateTimeOffset? DecidedAt, DateTimeOffset? FeedbackSentAt, Guid? ReferringOrganisationId,
    IReadOnlyList<ContactChildView> Children, ContactMethod? Method = null);

/// <summary>
/// A contact with each child's previous contacts and referrals, for the decision page: history is on the screen
/// before anyone decides. Opening it is recorded against each child. <c>statuses</c> (each child's status now) is needed
/// only to view a contact.
/// </summary>
public sealed class ContactDetails(SafeguardDbContext db, Timescales.ScreeningDecisionClock clock, ChildStatuses? statuses = null)
{
    public async Task<ContactView?> ViewAsync(Guid contactId, bool recordView = true, CancellationToken ct = default)
    {
        var c = await db.Contacts.AsNoTracking().Include(x => x.Children).SingleOrDefaultAsync(x => x.Id == contactId, ct);
        if (c is null) return null;

        var children = new List<ContactChildView>();
        foreach (var link in c.Children)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == link.PersonId)
                .Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth, p.NhsNumber }).SingleAsync(ct);
            var previousContacts = await db.Contacts.AsNoTracking()
                .Where(o => o.Id != c.Id && db.ContactChildren.Where(ch => ch.PersonId == link.PersonId).Select(ch => ch.ContactId).Contains(o.Id))
                .OrderByDescending(o => o.ReceivedAt).Take(50)
                .Select(o => new { o.ReceivedAt, o.Reference, o.Concern, o.Outcome })
                .ToListAsync(ct);
            var referrals = await db.Referrals.AsNoTracking().Where(r => r.PersonId == link.PersonId)
                .OrderByDescending(r => r.ReferralDate).Take(50)
                .Select(r => new { r.ReferralDate, r.Status, r.ClosedOn, r.ClosureReason, r.IsReReferral })
                .ToListAsync(ct);
            var history = previousContacts
                .Select(o => new PriorHistoryLine(o.ReceivedAt, $"Contact {o.Reference}: {Shorten(o.Concern)}", o.Outcome.Words()))
                .Concat(referrals.Select(r => new PriorHistoryLine(new DateTimeOffset(r.ReferralDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    r.IsReReferral ? "Referral to children's social care (a re-referral)" : "Referral to children's social care",
                    r.ClosedOn is { } closed ? $"Closed {closed:d MMM yyyy}: {ClosureReasons.Describe(r.ClosureReason)}" : CaseWork.CaseWorkWords.Words(r.Status))))
                .OrderByDescending(h => h.At)
                .ToList();
            var lastClosed = referrals.Where(r => r.ClosedOn is not null).MaxBy(r => r.ClosedOn);
            children.Add(new ContactChildView(link.PersonId, $"{person.GivenName} {person.FamilyName}", person.DateOfBirth, person.NhsNumber, history)
            {
                LastClosure = lastClosed is null ? null : (lastClosed.ClosedOn!.Value, lastClosed.ClosureReason),
            });
            if (recordView)
            {
                db.Record(new RecordViewed(link.PersonId, $"{person.GivenName} {person.FamilyName}", c.Id, c.Reference),
                    link.PersonId, nameof(Contact), c.Id);
            }
        }
        var now = await (statuses ?? throw new InvalidOperationException("Viewing a contact needs the children's statuses."))
            .ForChildrenAsync(children.Select(ch => ch.PersonId).ToList(), ct);
        children = children.Select(ch => ch with { Status = now[ch.PersonId] }).ToList();
        if (recordView) await db.SaveChangesAsync(ct);

        return new ContactView(c.Id, c.Reference, c.ReceivedAt, c.Channel, c.ReferrerName, c.ReferrerOrganisationName, c.ReferrerRole,
            c.ReferrerEmail, c.ReferrerPhone, c.Concern, ConcernCategories.Split(c.Categories), c.InjurySeen, c.ImmediateRisk, c.ParentsAware,
            c.Priority, c.PriorityReason, c.Status, c.DecisionDueAt, c.FeedbackDueAt, c.Outcome, c.DecisionReasons, c.FeedbackForReferrer,
            c.DecidedAt, c.FeedbackSentAt, c.ReferringOrganisationId, children, c.Method);
    }

    /// <summary>
    /// A manager changes the priority of a contact not yet decided; the reason is required and recorded. Null when
    /// changed; otherwise (decided meanwhile, or changed since the manager saw it at <paramref name="expectedVersion"/>)
    /// nothing is saved and the contact as it stands is returned.
    /// </summary>
    public async Task<ContactChangedElsewhere?> ChangePriorityAsync(Guid contactId, Priority priority, string reason, int? expectedVersion = null,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A reason is required.", nameof(reason));
        var contact = await db.Contacts.Include(c => c.Children).SingleAsync(c => c.Id == contactId, ct);
        if (contact.Status == ContactStatus.Decided || expectedVersion is { } v && v != contact.Version)
        {
            db.ChangeTracker.Clear();
            return await ContactChangedElsewhere.ReadAsync(db, contactId, ct);
        }
        var before = contact.Priority;
        contact.ChangePriority(priority, reason);
        // The decision clock follows the new priority, still from when the contact was received.
        contact.DecisionDueAt = clock.DecisionDue(contact.ReceivedAt, priority);
        // Each open item's clock runs again from receipt at the new priority (the 48-hour feedback clock does not move).
        var work = new WorkItems(db, new WorkClocks(clock));
        foreach (var item in await work.OpenAboutAsync(contactId, ct: ct)) work.Reprioritise(item, priority, contact.ReceivedAt);
        foreach (var child in contact.Children)
        {
            db.Record(new ContactPriorityChanged(contact.Id, contact.Reference, before, priority), child.PersonId,
                nameof(Contact), contact.Id, reason.Trim());
        }
        return await ContactChangedElsewhere.SaveUnlessChangedAsync(db, contactId, ct);
    }

    private static string Shorten(string text) => Text.Clip.WithMarker(text, 120);
}
