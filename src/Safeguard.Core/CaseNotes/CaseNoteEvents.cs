using Safeguard.Core.Audit;

namespace Safeguard.Core.CaseNotes;

/// <summary>A case note was recorded: its kind and, for a visit, whether the child was seen (and alone).</summary>
public sealed record CaseNoteRecorded(Guid CaseNoteId, CaseNoteKind Kind, DateTimeOffset OccurredAt, bool? ChildSeen, bool? ChildSeenAlone) : IEvent
{
    public static string Name => "case-note.recorded";

    public string Describe() => Kind switch
    {
        CaseNoteKind.Visit when ChildSeen == true => ChildSeenAlone == true ? "Visit: child seen, and seen alone" : "Visit: child seen, not alone",
        CaseNoteKind.Visit => "Visit: child not seen",
        _ => $"Case note: {CaseNoteWords.Words(Kind).ToLowerInvariant()}",
    };
}

public static class CaseNoteWords
{
    public static string Words(this CaseNoteKind kind) => kind switch
    {
        CaseNoteKind.Visit => "Visit",
        CaseNoteKind.PhoneCall => "Phone call",
        CaseNoteKind.Meeting => "Meeting",
        CaseNoteKind.Email => "Email",
        _ => "Letter",
    };
}
