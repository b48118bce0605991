using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.CaseNotes;

/// <summary>How the contact a case note records happened.</summary>
public enum CaseNoteKind { Visit, PhoneCall, Meeting, Email, Letter }

/// <summary>
/// A note of any contact with a child's family or the professionals around them: its kind, when, who took part and what
/// happened. A visit also records whether the child was seen, and seen alone. Not edited once recorded.
/// </summary>
public sealed class CaseNote : IAudited
{
    private CaseNote() { }

    public CaseNote(Guid personId, CaseNoteKind kind, DateTimeOffset occurredAt, string participants, string note, Guid recordedBy)
    {
        Id = NewId.Next();
        PersonId = personId;
        Kind = kind;
        OccurredAt = occurredAt;
        Participants = participants;
        Note = note;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public CaseNoteKind Kind { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Participants { get; private set; } = "";
    /// <summary>What happened; for a visit, what was observed.</summary>
    public string Note { get; private set; } = "";
    /// <summary>A visit: whether the child was seen.</summary>
    public bool? ChildSeen { get; set; }
    /// <summary>A visit: whether the child was seen alone.</summary>
    public bool? ChildSeenAlone { get; set; }
    public Guid RecordedBy { get; private set; }

    Guid? IAudited.AuditPersonId => PersonId;
}
