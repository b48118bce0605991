using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// A referral as its partner may see it: what it sent (the children's names as sent, never the person index's), when,
/// how urgent what it sent makes it (<see cref="PartnerSeenUrgency"/>), and the outcome with the reasons written for it
/// once the decision is final. A proposal waiting for a manager is not final, so it is still awaiting a decision.
/// </summary>
public sealed record PartnerReferralView(
    Guid Id,
    string Reference,
    IReadOnlyList<SentName> ChildrenAsSent,
    DateTimeOffset ReceivedAt,
    Priority Priority,
    DateTimeOffset DecisionDueAt,
    DateTimeOffset FeedbackDueAt,
    PartnerDecision? Decision)
{
    public bool Decided => Decision is not null;
}

/// <summary>A child's name exactly as the partner sent it.</summary>
public sealed record SentName(string? GivenName, string? FamilyName)
{
    public string FullName => $"{GivenName} {FamilyName}".Trim();
}

/// <summary>A final screening decision as a partner is told it.</summary>
public sealed record PartnerDecision(ScreeningOutcome Outcome, string Reasons, DateTimeOffset DecidedAt);

/// <summary>
/// The one place that says what a partner sees of its referrals: the partner pages and the partner API read them here.
/// Only the organisation's own referrals; anything else is not found.
/// </summary>
public sealed class PartnerReferrals(SafeguardDbContext db, ScreeningDecisionClock clock)
{
    /// <summary>One of the organisation's referrals, or null (another organisation's, or none).</summary>
    public async Task<PartnerReferralView?> OneAsync(Guid organisationId, Guid id, CancellationToken ct = default) =>
        (await ReadAsync(Own(organisationId).Where(c => c.Id == id), ct)).SingleOrDefault();

    /// <summary>The concern as the partner wrote it (it is never edited), for the page that shows one referral.</summary>
    public async Task<string?> ConcernAsSentAsync(Guid organisationId, Guid id, CancellationToken ct = default) =>
        await Own(organisationId).Where(c => c.Id == id).Select(c => c.Concern).SingleOrDefaultAsync(ct);

    /// <summary>The organisation's referrals, newest first (the partner's own list).</summary>
    public Task<IReadOnlyList<PartnerReferralView>> NewestAsync(Guid organisationId, int take, CancellationToken ct = default) =>
        ReadAsync(Own(organisationId).OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(take), ct);

    /// <summary>The organisation's referrals received at or after <paramref name="since"/>, oldest first (the API's list).</summary>
    public Task<IReadOnlyList<PartnerReferralView>> SinceAsync(Guid organisationId, DateTimeOffset since, int take, CancellationToken ct = default) =>
        ReadAsync(Own(organisationId).Where(c => c.ReceivedAt >= since.ToUniversalTime()).OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id).Take(take), ct);

    /// <summary>A referral just recorded from <paramref name="sent"/>, as its partner sees it (no second read).</summary>
    public static PartnerReferralView JustRecorded(ScreeningDecisionClock clock, NewContact sent, RecordedContact recorded)
    {
        var (priority, decisionDue) = PartnerSeenUrgency.Of(clock, sent.Categories, sent.ImmediateRisk, sent.InjurySeen,
            sent.Children.Select(c => c.AsSent.DateOfBirth ?? c.AsSent.ExpectedDateOfBirth), recorded.ReceivedAt);
        return new PartnerReferralView(recorded.Id, recorded.Reference,
            sent.Children.Select(c => new SentName(c.AsSent.GivenName, c.AsSent.FamilyName)).ToList(), recorded.ReceivedAt, priority,
            decisionDue, recorded.FeedbackDueAt, null);
    }

    private IQueryable<Contact> Own(Guid organisationId) =>
        db.Contacts.AsNoTracking().Where(c => c.ReferringOrganisationId == organisationId);

    /// <summary>What the partner sent that sets how urgent it is told the referral is, and the decision as written for it.</summary>
    private sealed record Row(Guid Id, string Reference, ContactStatus Status, string Categories, bool ImmediateRisk, bool InjurySeen,
        DateTimeOffset ReceivedAt, DateTimeOffset FeedbackDueAt, ScreeningOutcome? Outcome, string? DecisionReasons,
        string? FeedbackForReferrer, DateTimeOffset? DecidedAt);

    private sealed record SentChild(Guid ContactId, string? GivenName, string? FamilyName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth);

    private async Task<IReadOnlyList<PartnerReferralView>> ReadAsync(IQueryable<Contact> contacts, CancellationToken ct)
    {
        var rows = await contacts.Select(c => new Row(c.Id, c.Reference, c.Status, c.Categories, c.ImmediateRisk, c.InjurySeen, c.ReceivedAt,
            c.FeedbackDueAt, c.Outcome, c.DecisionReasons, c.FeedbackForReferrer, c.DecidedAt)).ToListAsync(ct);
        if (rows.Count == 0) return [];
        // The children in one keyed query: only the "Sent" columns, never the linked person's.
        var ids = rows.Select(r => r.Id).ToList();
        var children = (await db.ContactChildren.AsNoTracking().Where(cc => ids.Contains(cc.ContactId)).OrderBy(cc => cc.Id)
                .Select(cc => new SentChild(cc.ContactId, cc.SentGivenName, cc.SentFamilyName, cc.SentDateOfBirth, cc.SentExpectedDateOfBirth))
                .ToListAsync(ct))
            .ToLookup(c => c.ContactId);
        return rows.Select(r => View(r, children[r.Id].ToList())).ToList();
    }

    private PartnerReferralView View(Row row, IReadOnlyList<SentChild> children)
    {
        var (priority, decisionDue) = PartnerSeenUrgency.Of(clock, ConcernCategories.Split(row.Categories), row.ImmediateRisk, row.InjurySeen,
            children.Select(c => c.DateOfBirth ?? c.ExpectedDateOfBirth), row.ReceivedAt);
        var decision = row is { Status: ContactStatus.Decided, Outcome: { } outcome, DecidedAt: { } decidedAt }
            ? new PartnerDecision(outcome, row.FeedbackForReferrer ?? row.DecisionReasons ?? "", decidedAt)
            : null;
        return new PartnerReferralView(row.Id, row.Reference, children.Select(c => new SentName(c.GivenName, c.FamilyName)).ToList(),
            row.ReceivedAt, priority, decisionDue, row.FeedbackDueAt, decision);
    }
}
