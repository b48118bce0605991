using Safeguard.Core.Enquiries;

namespace Safeguard.Core.Conferences;

/// <summary>
/// A conference as recorded on its form. <see cref="Plan"/>: at an initial conference, whether the child needs a child
/// protection plan; at a review, whether the plan continues. <see cref="EndReason"/>: why a reviewed plan ends.
/// </summary>
public sealed record ConferenceInput(
    DateTimeOffset? HeldAt,
    Guid? ChairId,
    IReadOnlyList<ParticipantInput> Attendees,
    FamilyAttendance? FamilyAttendance,
    string? FamilyAttendanceNotes,
    bool? Plan,
    AbuseCategory? Category,
    string? DecisionReasons,
    string? EndReason = null);

/// <summary>A core group meeting as recorded on its form.</summary>
public sealed record CoreGroupInput(DateOnly? HeldOn, string? Attendees, string? Notes);

/// <summary>The field names errors are keyed by (the form's own names; rows by index, e.g. "Attendees[0].Name").</summary>
public static class ConferenceFields
{
    public const string HeldAt = "HeldAt", ChairId = "ChairId", Attendees = "Attendees", FamilyAttendance = "FamilyAttendance",
        FamilyAttendanceNotes = "FamilyAttendanceNotes", Plan = "Plan", Category = "Category", DecisionReasons = "DecisionReasons",
        EndReason = "EndReason", HeldOn = "HeldOn", CoreGroupAttendees = "Attendees", Notes = "Notes";
}

public enum ConferenceOutcome
{
    Recorded,
    NotFound,
    Invalid,
    /// <summary>Someone else recorded the conference, or changed the plan, first: nothing was saved.</summary>
    ChangedElsewhere,
}

public sealed record ConferenceResult(ConferenceOutcome Outcome, Guid? Id, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static readonly ConferenceResult NotFound = new(ConferenceOutcome.NotFound, null, []);
    public static readonly ConferenceResult ChangedElsewhere = new(ConferenceOutcome.ChangedElsewhere, null, []);

    public static ConferenceResult Invalid(IReadOnlyList<(string, string)> errors) => new(ConferenceOutcome.Invalid, null, errors);

    public static ConferenceResult Recorded(Guid id) => new(ConferenceOutcome.Recorded, id, []);
}
