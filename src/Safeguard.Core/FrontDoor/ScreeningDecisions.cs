using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// A screening decision. <paramref name="ExpectedVersion"/>: the contact's <see cref="Contact.Version"/> the decider saw
/// (null: whatever it is now); if the contact has changed since, nothing is decided.
/// </summary>
public sealed record DecisionInput(Guid ContactId, ScreeningOutcome Outcome, string Reasons, string? FeedbackForReferrer, int? ExpectedVersion = null);

public enum DecisionResult { Decided, AwaitingManagerConfirmation, ChangedElsewhere }

/// <summary>What became of a decision: recorded, or (<see cref="DecisionResult.ChangedElsewhere"/>) not, because
/// someone else decided or changed the contact first; <see cref="Conflict"/> then says what they did.</summary>
public sealed record DecisionAttempt(DecisionResult Result, ContactChangedElsewhere? Conflict = null);

/// <summary>
/// The screening decision and what follows from it, in one transaction: a referral opens each child's case and
/// puts "awaiting allocation" on the team's tray with its own due time; feedback for the referrer goes into the
/// outbox; the decision clock closes. A contact is decided once: of two people deciding it at the same moment, one
/// wins and the other is given the decision made (<see cref="ContactChangedElsewhere"/>), with nothing of theirs saved.
/// </summary>
public sealed class ScreeningDecisions(SafeguardDbContext db, IWorkingDayCalendar calendar, ScreeningDecisionClock? clock = null)
{
    private readonly WorkItems _work = new(db, new WorkClocks(calendar, clock ?? new ScreeningDecisionClock(calendar)));

    public async Task<DecisionAttempt> DecideAsync(DecisionInput input, Guid deciderId, bool deciderIsManager, CancellationToken ct = default)
    {
        var contact = await LoadAsync(input.ContactId, ct);
        if (contact.Status != ContactStatus.AwaitingDecision || IsStale(contact, input.ExpectedVersion))
        {
            return new DecisionAttempt(DecisionResult.ChangedElsewhere, await AsItStandsAsync(contact.Id, ct));
        }
        var now = db.Time.GetUtcNow();
        contact.RecordDecision(input.Outcome, input.Reasons, deciderId, now, input.FeedbackForReferrer, deciderIsManager);
        db.ChangeReason = input.Reasons;
        var screening = await OpenItemAsync(contact.Id, WorkKind.ScreeningDecision, ct);
        if (screening is not null) _work.Close(screening, now);
        var result = DecisionResult.Decided;

        if (contact.Status == ContactStatus.AwaitingManagerConfirmation)
        {
            // The manager's confirmation runs on the screening's own clock: a late screening stays late.
            var team = screening?.OwnerTeamId ?? await TeamOfKindAsync(TeamKind.FrontDoor, ct);
            _work.Open(WorkKind.ManagerConfirmation, contact.Id, $"Confirm no further action on {contact.Reference}", team, contact.Priority,
                contact.Children.FirstOrDefault()?.PersonId, now, clockFrom: contact.ReceivedAt);
            RecordForChildren(contact, new DecisionProposed(contact.Id, contact.Reference), input.Reasons);
            result = DecisionResult.AwaitingManagerConfirmation;
        }
        else
        {
            await CompleteAsync(contact, now, ct);
        }

        var conflict = await ContactChangedElsewhere.SaveUnlessChangedAsync(db, contact.Id, ct);
        return conflict is null ? new DecisionAttempt(result) : new DecisionAttempt(DecisionResult.ChangedElsewhere, conflict);
    }

    /// <summary>A manager confirms a no-further-action proposal. Null when confirmed; otherwise what someone else did first.</summary>
    public async Task<ContactChangedElsewhere?> ConfirmAsync(Guid contactId, Guid managerId, int? expectedVersion = null, CancellationToken ct = default)
    {
        var contact = await LoadAsync(contactId, ct);
        if (contact.Status != ContactStatus.AwaitingManagerConfirmation || IsStale(contact, expectedVersion)) return await AsItStandsAsync(contactId, ct);
        var now = db.Time.GetUtcNow();
        contact.ConfirmByManager(managerId);
        if (await OpenItemAsync(contact.Id, WorkKind.ManagerConfirmation, ct) is { } confirmation) _work.Close(confirmation, now);
        await CompleteAsync(contact, now, ct);
        RecordForChildren(contact, new DecisionConfirmed(contact.Id, contact.Reference, managerId), contact.DecisionReasons);
        return await ContactChangedElsewhere.SaveUnlessChangedAsync(db, contact.Id, ct);
    }

    /// <summary>
    /// A manager returns a no-further-action proposal to be decided again, by the screening's original due time. The
    /// proposal and the reason are kept on the contact for the worker. Null when returned; otherwise what someone else did first.
    /// </summary>
    public async Task<ContactChangedElsewhere?> ReturnAsync(Guid contactId, string why, int? expectedVersion = null, CancellationToken ct = default)
    {
        var contact = await LoadAsync(contactId, ct);
        if (contact.Status != ContactStatus.AwaitingManagerConfirmation || IsStale(contact, expectedVersion)) return await AsItStandsAsync(contactId, ct);
        var now = db.Time.GetUtcNow();
        contact.ReturnForRedecision(why, db.Actor.UserId, now);
        var confirmation = await OpenItemAsync(contact.Id, WorkKind.ManagerConfirmation, ct);
        if (confirmation is not null) _work.Close(confirmation, now);
        var team = confirmation?.OwnerTeamId ?? await TeamOfKindAsync(TeamKind.FrontDoor, ct);
        _work.Open(WorkKind.ScreeningDecision, contact.Id, $"Decide again: {contact.Reference}", team, contact.Priority,
            contact.Children.FirstOrDefault()?.PersonId, now, clockFrom: contact.ReceivedAt);
        RecordForChildren(contact, new DecisionReturned(contact.Id, contact.Reference), why.Trim());
        return await ContactChangedElsewhere.SaveUnlessChangedAsync(db, contact.Id, ct);
    }

    /// <summary>The contact as it stands now, with the names of who decided, confirmed or returned it.</summary>
    public Task<ContactChangedElsewhere> AsItStandsAsync(Guid contactId, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        return ContactChangedElsewhere.ReadAsync(db, contactId, ct);
    }

    /// <summary>The version of the contact now, who decided and confirmed it, and any returned proposal (null: no such contact).</summary>
    public Task<DecisionState?> StateAsync(Guid contactId, CancellationToken ct = default) => DecisionState.ReadAsync(db, contactId, ct);

    private Task<Contact> LoadAsync(Guid contactId, CancellationToken ct) =>
        db.Contacts.Include(c => c.Children).SingleAsync(c => c.Id == contactId, ct);

    private static bool IsStale(Contact contact, int? expectedVersion) => expectedVersion is { } v && v != contact.Version;

    private async Task CompleteAsync(Contact contact, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = contact.Outcome!.Value;
        if (outcome is ScreeningOutcome.ReferralToSocialCare or ScreeningOutcome.StrategyDiscussion)
        {
            var team = await TeamOfKindAsync(outcome == ScreeningOutcome.StrategyDiscussion ? TeamKind.ChildProtection : TeamKind.Assessment, ct);
            var source = await ReferralSourceAsync(contact, ct);
            foreach (var child in contact.Children)
            {
                var referral = new Referral(child.PersonId, contact.Id, DateOnly.FromDateTime(now.UtcDateTime), source, team);
                var lastClosedOn = await db.Referrals.Where(r => r.PersonId == child.PersonId && r.ClosedOn != null)
                    .MaxAsync(r => r.ClosedOn, ct);
                referral.IsReReferral = ReReferralRule.IsReReferral(referral.ReferralDate, lastClosedOn);
                db.Referrals.Add(referral);
                var name = await db.People.Where(p => p.Id == child.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
                _work.Open(WorkKind.Allocation, referral.Id, $"Allocate {name}", team, contact.Priority, child.PersonId, now);
                if (outcome == ScreeningOutcome.StrategyDiscussion)
                {
                    _work.Open(WorkKind.StrategyDiscussion, referral.Id, $"Strategy discussion: {name}", team, Priority.ChildProtection, child.PersonId, now);
                }
            }
        }

        if (contact.ReferrerEmail is { Length: > 0 } email)
        {
            db.FeedbackMessages.Add(new FeedbackMessage(contact.Id, email, $"Safeguard: outcome of your contact {contact.Reference}",
                ReferrerFeedbackText.Compose(contact), now));
        }
        RecordForChildren(contact, new ContactDecided(contact.Id, contact.Reference, outcome), contact.DecisionReasons);
    }

    private void RecordForChildren<T>(Contact contact, T happened, string? reason) where T : Audit.IEvent
    {
        foreach (var child in contact.Children)
        {
            db.Record(happened, child.PersonId, nameof(Contact), contact.Id, reason);
        }
    }

    private Task<WorkItem?> OpenItemAsync(Guid subjectId, WorkKind kind, CancellationToken ct) =>
        db.WorkItems.Where(w => w.SubjectId == subjectId && w.Kind == kind && w.ClosedAt == null).FirstOrDefaultAsync(ct);

    private async Task<Guid> TeamOfKindAsync(TeamKind kind, CancellationToken ct) =>
        await db.Teams.FirstOfKindAsync(kind, ct)
        ?? await db.Teams.Where(t => t.RetiredAt == null).OrderBy(t => t.Name).Select(t => t.Id).FirstAsync(ct);

    private async Task<string> ReferralSourceAsync(Contact contact, CancellationToken ct)
    {
        var organisation = contact.ReferringOrganisationId is { } org
            ? await db.Organisations.Where(o => o.Id == org).Select(o => new { o.Kind, o.CinReferralSourceCode }).SingleOrDefaultAsync(ct)
            : null;
        return CinReferralSourceRule.For(organisation?.Kind, organisation?.CinReferralSourceCode);
    }
}

/// <summary>CIN census referral source from the referring agency (DfE CIN census guide, referral source codes).</summary>
public static class CinReferralSourceRule
{
    /// <summary>The organisation's own code when an administrator set one, else the default for its kind.</summary>
    public static string For(OrganisationKind? kind, string? ownCode) => ownCode ?? For(kind);

    public static string For(OrganisationKind? kind) => kind switch
    {
        OrganisationKind.Police => "6",
        OrganisationKind.Health => "3F",
        OrganisationKind.Education => "2A",
        OrganisationKind.LocalAuthority => "5B",
        OrganisationKind.Voluntary or OrganisationKind.Other => "8",
        null => "10",
        _ => "10",
    };
}

public static class OutcomeText
{
    public static string Of(ScreeningOutcome outcome) => outcome switch
    {
        ScreeningOutcome.NoFurtherAction => "no further action",
        ScreeningOutcome.InformationAndAdvice => "information and advice",
        ScreeningOutcome.EarlyHelp => "early help",
        ScreeningOutcome.ReferralToSocialCare => "referral to children's social care for assessment",
        ScreeningOutcome.StrategyDiscussion => "strategy discussion now",
        _ => outcome.ToString(),
    };

    public static string ApiName(ScreeningOutcome outcome) => outcome switch
    {
        ScreeningOutcome.NoFurtherAction => "no-further-action",
        ScreeningOutcome.InformationAndAdvice => "information-and-advice",
        ScreeningOutcome.EarlyHelp => "early-help",
        ScreeningOutcome.ReferralToSocialCare => "referral-to-social-care",
        ScreeningOutcome.StrategyDiscussion => "strategy-discussion",
        _ => outcome.ToString(),
    };
}

/// <summary>What the referrer is told: outcome and reasons, in words written for them.</summary>
public static class ReferrerFeedbackText
{
    public static string Compose(Contact contact) =>
        $"""
        Dear {contact.ReferrerName},

        Thank you for contacting children's services on {contact.ReceivedAt.UtcDateTime:d MMMM yyyy} (reference {contact.Reference}).

        Outcome: {OutcomeText.Of(contact.Outcome!.Value)}.

        Reasons: {contact.FeedbackForReferrer ?? contact.DecisionReasons}

        If you have new or continuing concerns, contact the front door again and quote this reference.
        """;
}
