using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Work;

namespace Safeguard.Core.FrontDoor;

public enum ContactStatus { AwaitingDecision, AwaitingManagerConfirmation, Decided }

public enum ContactChannel { FrontDoor, PartnerPage, PartnerApi, Imported }

public enum ScreeningOutcome { NoFurtherAction, InformationAndAdvice, EarlyHelp, ReferralToSocialCare, StrategyDiscussion }

/// <summary>A concern about one or more children raised with the front door.</summary>
public sealed class Contact : IAudited
{
    private Contact() { }

    public Contact(string reference, DateTimeOffset receivedAt, ContactChannel channel, string concern)
    {
        Id = NewId.Next();
        Reference = reference;
        ReceivedAt = receivedAt;
        Channel = channel;
        Concern = concern;
        Status = ContactStatus.AwaitingDecision;
        Version = 1;
    }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public ContactChannel Channel { get; private set; }
    public Guid? ReferringOrganisationId { get; set; }
    public string ReferrerName { get; set; } = "";
    public string? ReferrerOrganisationName { get; set; }
    public string? ReferrerRole { get; set; }
    public string? ReferrerEmail { get; set; }
    public string? ReferrerPhone { get; set; }
    public string Concern { get; private set; } = "";
    /// <summary>Concern categories, separated by '|', e.g. "physical-abuse|neglect".</summary>
    public string Categories { get; set; } = "";
    public bool InjurySeen { get; set; }
    public bool ImmediateRisk { get; set; }
    public bool? ParentsAware { get; set; }
    public Priority Priority { get; set; }
    public ContactStatus Status { get; private set; }
    public DateTimeOffset DecisionDueAt { get; set; }
    public DateTimeOffset FeedbackDueAt { get; set; }
    public string? PriorityReason { get; set; }
    public ScreeningOutcome? Outcome { get; private set; }
    public string? DecisionReasons { get; private set; }
    /// <summary>The outcome and reasons as written for the referrer.</summary>
    public string? FeedbackForReferrer { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public Guid? ConfirmedByUserId { get; private set; }
    public DateTimeOffset? FeedbackSentAt { get; set; }
    public List<ContactChild> Children { get; private set; } = [];
    /// <summary>How the contact reached the council (null on contacts recorded before this was asked).</summary>
    public ContactMethod? Method { get; set; }

    Guid? IAudited.AuditPersonId => Children.Count == 1 ? Children[0].PersonId : null;

    /// <summary>
    /// Optimistic concurrency token: every change of state below moves it on, and a save whose contact has moved on
    /// since it was read changes nothing (two people deciding at once: one wins, the other is told what was decided).
    /// </summary>
    public int Version { get; private set; }

    /// <summary>The one-time key of the web form that recorded this contact (null for the API, which has Idempotency-Key).</summary>
    public Guid? SubmissionKey { get; set; }

    /// <summary>Why a manager last returned a proposal, when and who: shown to the worker who decides again.</summary>
    public string? ReturnedReason { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    public Guid? ReturnedByUserId { get; private set; }

    /// <summary>The proposal a manager returned: its outcome, reasons and who proposed it.</summary>
    public ScreeningOutcome? PreviousOutcome { get; private set; }
    public string? PreviousReasons { get; private set; }
    public Guid? PreviousDecidedByUserId { get; private set; }

    /// <summary>
    /// Records the screening decision. No further action on a child protection concern waits for a manager to
    /// confirm it (<see cref="NoFurtherActionNeedsManagerRule"/>) unless the decider is a manager.
    /// </summary>
    public void RecordDecision(ScreeningOutcome outcome, string reasons, Guid? byUserId, DateTimeOffset at,
        string? feedbackForReferrer = null, bool byManager = false)
    {
        if (Status != ContactStatus.AwaitingDecision) throw new InvalidOperationException("This contact has already been decided.");
        if (string.IsNullOrWhiteSpace(reasons)) throw new ArgumentException("Reasons are required.", nameof(reasons));
        Outcome = outcome;
        DecisionReasons = reasons.Trim();
        FeedbackForReferrer = string.IsNullOrWhiteSpace(feedbackForReferrer) ? null : feedbackForReferrer.Trim();
        DecidedAt = at;
        DecidedByUserId = byUserId;
        var needsConfirmation = NoFurtherActionNeedsManagerRule.Applies(this, outcome);
        if (needsConfirmation && byManager) ConfirmedByUserId = byUserId;
        Status = needsConfirmation && !byManager ? ContactStatus.AwaitingManagerConfirmation : ContactStatus.Decided;
        Version++;
    }

    /// <summary>A manager confirms (or replaces) a no-further-action decision on a child protection concern.</summary>
    public void ConfirmByManager(Guid managerId)
    {
        if (Status != ContactStatus.AwaitingManagerConfirmation) throw new InvalidOperationException("This decision is not waiting for a manager.");
        ConfirmedByUserId = managerId;
        Status = ContactStatus.Decided;
        Version++;
    }

    /// <summary>
    /// A manager sends a no-further-action proposal back to be decided again. The proposal and the manager's reason are
    /// kept for the worker who decides again.
    /// </summary>
    public void ReturnForRedecision(string why, Guid? byUserId, DateTimeOffset at)
    {
        if (Status != ContactStatus.AwaitingManagerConfirmation) throw new InvalidOperationException("This decision is not waiting for a manager.");
        if (string.IsNullOrWhiteSpace(why)) throw new ArgumentException("A reason is required.", nameof(why));
        ReturnedReason = why.Trim();
        ReturnedAt = at;
        ReturnedByUserId = byUserId;
        PreviousOutcome = Outcome;
        PreviousReasons = DecisionReasons;
        PreviousDecidedByUserId = DecidedByUserId;
        Outcome = null;
        DecisionReasons = null;
        FeedbackForReferrer = null;
        DecidedAt = null;
        DecidedByUserId = null;
        Status = ContactStatus.AwaitingDecision;
        Version++;
    }

    /// <summary>The longest reasons for a screening decision (the column; the event keeps them whole too).</summary>
    public const int DecisionReasonsMaxLength = 8000;

    /// <summary>The longest priority reason kept (the column).</summary>
    public const int PriorityReasonMaxLength = 1000;

    private const string ChangedByAManager = "Changed by a manager: ";

    /// <summary>The longest reason a manager may give for changing a priority: it is kept after <see cref="ChangedByAManager"/>.</summary>
    public static readonly int ManagerPriorityReasonMaxLength = PriorityReasonMaxLength - ChangedByAManager.Length;

    /// <summary>A manager changes the priority of a contact not yet decided; the reason is kept with it.</summary>
    public void ChangePriority(Priority priority, string reason)
    {
        if (Status == ContactStatus.Decided) throw new InvalidOperationException("This contact has already been decided.");
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A reason is required.", nameof(reason));
        if (reason.Trim().Length > ManagerPriorityReasonMaxLength)
        {
            throw new ArgumentException($"A reason is at most {ManagerPriorityReasonMaxLength} characters.", nameof(reason));
        }
        Priority = priority;
        PriorityReason = ChangedByAManager + reason.Trim();
        Version++;
    }

    public bool IsChildProtectionConcern => Priority == Priority.ChildProtection;
}

/// <summary>
/// Links a contact to each child it is about, and keeps what the referrer sent about the child (the "Sent" columns):
/// the linked record may say otherwise, and a difference is how a wrong link is seen.
/// </summary>
public sealed class ContactChild
{
    private ContactChild() { }

    public ContactChild(Guid personId)
    {
        Id = NewId.Next();
        PersonId = personId;
    }

    public ContactChild(Guid personId, ChildAsSent sent) : this(personId)
    {
        SentGivenName = sent.GivenName;
        SentFamilyName = sent.FamilyName;
        SentDateOfBirth = sent.DateOfBirth;
        SentExpectedDateOfBirth = sent.ExpectedDateOfBirth;
        SentNhsNumber = sent.NhsNumber;
        SentAddressLine1 = sent.AddressLine1;
        SentTown = sent.Town;
        SentPostcode = sent.Postcode;
        SentSchool = sent.School;
    }

    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    public Guid PersonId { get; private set; }

    public string? SentGivenName { get; private set; }
    public string? SentFamilyName { get; private set; }
    public DateOnly? SentDateOfBirth { get; private set; }
    public DateOnly? SentExpectedDateOfBirth { get; private set; }
    public string? SentNhsNumber { get; private set; }
    public string? SentAddressLine1 { get; private set; }
    public string? SentTown { get; private set; }
    public string? SentPostcode { get; private set; }
    public string? SentSchool { get; private set; }

    public ChildAsSent Sent => new(SentGivenName, SentFamilyName, SentDateOfBirth, SentExpectedDateOfBirth, SentNhsNumber,
        SentAddressLine1, SentTown, SentPostcode, SentSchool);

    /// <summary>The name as sent (for a partner, who only ever sees what it sent).</summary>
    public string SentName => $"{SentGivenName} {SentFamilyName}".Trim();
}
