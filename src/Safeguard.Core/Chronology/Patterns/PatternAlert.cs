using Safeguard.Core.Data;

namespace Safeguard.Core.Chronology.Patterns;

/// <summary>
/// A pattern found in a child's record (<see cref="PatternRule"/>), raised once per rule and the record that completed
/// it (<see cref="Trigger"/>). Open until someone acknowledges it with a note of what was done; never deleted.
/// </summary>
public sealed class PatternAlert : IVersioned
{
    private PatternAlert() { }

    public PatternAlert(Guid personId, PatternRule rule, string trigger, string details, DateTimeOffset raisedAt)
    {
        Id = NewId.Next();
        PersonId = personId;
        Rule = rule;
        Trigger = trigger;
        Details = Text.Clip.WithMarker(details, DetailsMaxLength, "…");
        RaisedAt = raisedAt;
    }

    public const int DetailsMaxLength = 2000, NoteMaxLength = 4000, TriggerMaxLength = 60;

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public PatternRule Rule { get; private set; }
    /// <summary>The record that completed the pattern: <c>contact:…</c>, <c>event:…</c> or <c>referral:…</c>.</summary>
    public string Trigger { get; private set; } = "";
    public string Details { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public Guid? AcknowledgedBy { get; private set; }

    /// <summary>What was done about it, written by whoever acknowledged it.</summary>
    public string? Note { get; private set; }

    public int Version { get; private set; } = 1;

    public bool IsOpen => AcknowledgedAt is null;

    public void Acknowledge(Guid by, DateTimeOffset at, string note)
    {
        AcknowledgedAt = at;
        AcknowledgedBy = by;
        Note = note;
    }
}
