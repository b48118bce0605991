using Safeguard.Core.Enquiries;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Conferences;

// Source: Working Together to Safeguard Children 2023, ch.3 (first core group meeting within 10 working days of the initial conference)
/// <summary>The first core group meeting of a child protection plan: by the end of the 10th working day after the initial conference.</summary>
public static class FirstCoreGroupDueRule
{
    public static DateTimeOffset DueAt(IWorkingDayCalendar calendar, DateTimeOffset initialConferenceAt) => calendar.FirstCoreGroupDue(initialConferenceAt);
}

// Source: Working Together to Safeguard Children 2023, ch.3 (first review within 3 months of the initial conference, then at intervals of not more than 6 months)
/// <summary>
/// A child protection plan's next review conference: within 3 months of the initial conference, then at most 6 months
/// after the previous review; on the last working day on or before that date.
/// </summary>
public static class ReviewConferenceDueRule
{
    public static DateOnly DueOn(IWorkingDayCalendar calendar, ConferenceKind previous, DateOnly previousConferenceOn) => previous == ConferenceKind.Initial
        ? calendar.FirstReviewConferenceDue(previousConferenceOn)
        : calendar.NextReviewConferenceDue(previousConferenceOn);
}

/// <summary>
/// What a conference record must hold, every problem at once: when it was held (not in the future, not before
/// <paramref name="notBefore"/>), a chair who holds the conference chair role, who attended (at least one person from
/// children's social care), the family's attendance, the decision with its reasons, a category of abuse for a plan,
/// and a reason for ending one.
/// </summary>
public static class ConferenceRules
{
    public const int TextMaxLength = 8000;
    public const int NotesMaxLength = 1000;
    public const int MaxAttendees = 30;

    public static IReadOnlyList<(string Field, string Message)> Check(ConferenceKind kind, ConferenceInput input, DateOnly notBefore, string notBeforeWords,
        DateTimeOffset now, Func<Guid, bool> isChair)
    {
        var errors = new List<(string, string)>();
        if (input.HeldAt is not { } held) errors.Add((ConferenceFields.HeldAt, "Enter when the conference was held"));
        else if (held > now) errors.Add((ConferenceFields.HeldAt, "The conference must have been held already: enter a time in the past"));
        else if (TimeLimits.UkDay(held) < notBefore) errors.Add((ConferenceFields.HeldAt, $"The conference must be on or after {notBeforeWords}, {notBefore:d MMMM yyyy}"));

        if (input.ChairId is not { } chair || !isChair(chair)) errors.Add((ConferenceFields.ChairId, "Choose the chair: a conference chair"));

        ParticipantRows.Check(input.Attendees, MaxAttendees, ConferenceFields.Attendees, errors);
        if (Attending(input).All(p => p.Agency != Agency.ChildrensSocialCare))
        {
            errors.Add((ConferenceFields.Attendees, "Add who attended from children's social care"));
        }
        if (input.FamilyAttendance is not { } family || !Enum.IsDefined(family))
        {
            errors.Add((ConferenceFields.FamilyAttendance, "Select how the family took part"));
        }
        if (input.FamilyAttendanceNotes is { } notes && notes.Trim().Length > NotesMaxLength)
        {
            errors.Add((ConferenceFields.FamilyAttendanceNotes, $"This must be {NotesMaxLength:N0} characters or fewer"));
        }

        if (input.Plan is not { } plan)
        {
            errors.Add((ConferenceFields.Plan, kind == ConferenceKind.Initial
                ? "Select whether the child needs a child protection plan"
                : "Select whether the child protection plan continues"));
        }
        else if (plan && (input.Category is not { } category || !Enum.IsDefined(category)))
        {
            errors.Add((ConferenceFields.Category, "Select the category of abuse"));
        }
        else if (!plan && kind == ConferenceKind.Review)
        {
            ParticipantRows.Required(ConferenceFields.EndReason, input.EndReason, NotesMaxLength, "Enter why the plan ends", errors);
        }
        ParticipantRows.Required(ConferenceFields.DecisionReasons, input.DecisionReasons, TextMaxLength, "Enter the reasons for the decision", errors);
        return errors;
    }

    public static IEnumerable<ParticipantInput> Attending(ConferenceInput input) =>
        input.Attendees.Take(MaxAttendees).Where(p => !ParticipantRows.IsBlank(p));

    public static IReadOnlyList<(string Field, string Message)> Check(CoreGroupInput input, DateOnly planStartedOn, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (input.HeldOn is not { } held) errors.Add((ConferenceFields.HeldOn, "Enter the date of the core group meeting"));
        else if (held > today) errors.Add((ConferenceFields.HeldOn, "The core group meeting must have been held already: enter today or a day before"));
        else if (held < planStartedOn) errors.Add((ConferenceFields.HeldOn, $"The core group meeting must be on or after the plan started, {planStartedOn:d MMMM yyyy}"));
        ParticipantRows.Required(ConferenceFields.CoreGroupAttendees, input.Attendees, NotesMaxLength, "Enter who took part", errors);
        ParticipantRows.Required(ConferenceFields.Notes, input.Notes, TextMaxLength, "Enter what the core group agreed", errors);
        return errors;
    }
}
