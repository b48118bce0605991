using Safeguard.Core.Allocation;
using Safeguard.Core.Arrangements;
using Safeguard.Core.Assessments;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.Closure;
using Safeguard.Core.Conferences;
using Safeguard.Core.Enquiries;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Chronology;

/// <summary>What a chronology entry is about: its label, and what the kind filter chooses.</summary>
public enum ChronologyKind
{
    Contact, Decision, Allocation, Assessment, StrategyDiscussion, Enquiry, Conference, Plan, Visit, CaseNote, Carers, Closure,
    /// <summary>A significant event a worker added, that the system does not record itself.</summary>
    Added,
    /// <summary>A pattern alert raised about the child, and its acknowledgement.</summary>
    Alert,
    /// <summary>A document attached to the child's record.</summary>
    Document,
    /// <summary>A change of household, carers or address: someone joining or leaving the child's family or household, a move.</summary>
    Household,
}

/// <summary>
/// Which of the typed events belong in a child's chronology, and as what: the steps of the child's story, not the
/// bookkeeping around them (work items, views, automatic change records). Adding a step's event to the chronology is
/// one line here.
/// </summary>
public static class ChronologyCatalogue
{
    private static readonly Dictionary<string, ChronologyKind> KindByEvent = new()
    {
        [ContactReceived.Name] = ChronologyKind.Contact,
        [InformationAdded.Name] = ChronologyKind.Contact,
        [ContactDecided.Name] = ChronologyKind.Decision,
        [CaseAllocated.Name] = ChronologyKind.Allocation,
        [AllocationEnded.Name] = ChronologyKind.Allocation,
        [AssessmentStarted.Name] = ChronologyKind.Assessment,
        [AssessmentCompleted.Name] = ChronologyKind.Assessment,
        [AssessmentReturned.Name] = ChronologyKind.Assessment,
        [AssessmentAuthorised.Name] = ChronologyKind.Assessment,
        [StrategyDiscussionHeld.Name] = ChronologyKind.StrategyDiscussion,
        [Section47Started.Name] = ChronologyKind.Enquiry,
        [InitialConferenceTargetMoved.Name] = ChronologyKind.Enquiry,
        [Section47Concluded.Name] = ChronologyKind.Enquiry,
        [InitialConferenceHeld.Name] = ChronologyKind.Conference,
        [ReviewConferenceHeld.Name] = ChronologyKind.Conference,
        [ChildProtectionPlanStarted.Name] = ChronologyKind.Plan,
        [CoreGroupHeld.Name] = ChronologyKind.Plan,
        [ChildProtectionPlanEnded.Name] = ChronologyKind.Plan,
        [ChildInNeedPlanStarted.Name] = ChronologyKind.Plan,
        [ChildInNeedPlanReviewed.Name] = ChronologyKind.Plan,
        [ChildInNeedPlanEnded.Name] = ChronologyKind.Plan,
        [CaseNoteRecorded.Name] = ChronologyKind.CaseNote,
        [ArrangementProposed.Name] = ChronologyKind.Carers,
        [ArrangementAgreed.Name] = ChronologyKind.Carers,
        [RelationshipAdded.Name] = ChronologyKind.Household,
        [RelationshipEnded.Name] = ChronologyKind.Household,
        [AddressChanged.Name] = ChronologyKind.Household,
        [CaseClosed.Name] = ChronologyKind.Closure,
        [SignificantEventAdded.Name] = ChronologyKind.Added,
        [Patterns.PatternAlertRaised.Name] = ChronologyKind.Alert,
        [Patterns.PatternAlertAcknowledged.Name] = ChronologyKind.Alert,
        [Attachments.AttachmentAdded.Name] = ChronologyKind.Document,
    };

    /// <summary>The names of the events a chronology reads.</summary>
    public static readonly IReadOnlyList<string> EventNames = [.. KindByEvent.Keys];

    /// <summary>The entry's kind: a case note of a visit is a visit.</summary>
    public static ChronologyKind KindOf(string eventName, IEventPayload? payload) =>
        payload is CaseNoteRecorded { Kind: CaseNoteKind.Visit } ? ChronologyKind.Visit : KindByEvent[eventName];

    /// <summary>
    /// When it happened, where that is not when it was recorded (a visit written up later, a discussion typed up after, a
    /// move or a change of household on the day it took place: the start of that UK day).
    /// </summary>
    public static DateTimeOffset HappenedAt(IEventPayload? payload, DateTimeOffset recordedAt) => payload switch
    {
        CaseNoteRecorded note => note.OccurredAt,
        StrategyDiscussionHeld discussion => discussion.HeldAt,
        InitialConferenceHeld conference => conference.HeldAt,
        ReviewConferenceHeld conference => conference.HeldAt,
        SignificantEventAdded added => added.HappenedAt,
        AddressChanged moved => StartOf(moved.From),
        RelationshipAdded { From: { } from } => StartOf(from),
        RelationshipEnded ended => StartOf(ended.EndedOn),
        _ => recordedAt,
    };

    private static DateTimeOffset StartOf(DateOnly day) => TimeLimits.UkLocal(day, TimeOnly.MinValue);

    /// <summary>Where the information came from: the referrer's agency for a contact, the source given for an added event; null for the council's own steps.</summary>
    public static string? SourceOf(IEventPayload? payload) => payload switch
    {
        ContactReceived received => received.ReferrerOrganisation ?? received.ReferrerName,
        InformationAdded added => added.From,
        SignificantEventAdded added => added.Source,
        _ => null,
    };
}
