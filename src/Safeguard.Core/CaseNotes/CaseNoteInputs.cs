namespace Safeguard.Core.CaseNotes;

/// <summary>A case note as typed on its form.</summary>
public sealed record CaseNoteInput(CaseNoteKind? Kind, DateTimeOffset? OccurredAt, string? Participants, string? Note, bool? ChildSeen, bool? ChildSeenAlone);

/// <summary>A recorded case note as the child's record lists it.</summary>
public sealed record CaseNoteLine(Guid Id, CaseNoteKind Kind, DateTimeOffset OccurredAt, string Participants, string Note, bool? ChildSeen,
    bool? ChildSeenAlone, string RecordedBy);

/// <summary>
/// What a case note needs, every problem at once: a kind, when (not in the future), who took part, the note; a visit says
/// whether the child was seen and, if so, whether alone.
/// </summary>
public static class CaseNoteRules
{
    public const int NoteMaxLength = 8000;
    public const int ParticipantsMaxLength = 1000;
    public const string OccurredAt = "OccurredAt";

    public static IReadOnlyList<(string Field, string Message)> Check(CaseNoteInput input, DateTimeOffset now)
    {
        var errors = new List<(string, string)>();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add(("Kind", "Select what kind of contact it was"));
        if (input.OccurredAt is not { } at) errors.Add((OccurredAt, "Enter when it happened"));
        else if (at > now) errors.Add((OccurredAt, "It must have happened already: enter a time in the past"));
        Required("Participants", input.Participants, ParticipantsMaxLength, "Enter who took part", errors);
        Required("Note", input.Note, NoteMaxLength, input.Kind == CaseNoteKind.Visit ? "Enter what was observed" : "Enter the note", errors);
        if (input.Kind == CaseNoteKind.Visit)
        {
            if (input.ChildSeen is null) errors.Add(("ChildSeen", "Select whether the child was seen"));
            else if (input.ChildSeen == true && input.ChildSeenAlone is null) errors.Add(("ChildSeenAlone", "Select whether the child was seen alone"));
        }
        return errors;
    }

    private static void Required(string field, string? text, int max, string missing, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.Add((field, missing));
        else if (text.Trim().Length > max) errors.Add((field, $"This must be {max:N0} characters or fewer"));
    }
}
