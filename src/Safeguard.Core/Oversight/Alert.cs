using Safeguard.Core.Data;
using Safeguard.Core.Work;

namespace Safeguard.Core.Oversight;

/// <summary>Something a manager must know about, raised once per subject and kind, open until acknowledged.</summary>
public sealed class Alert
{
    private Alert() { }

    public Alert(AlertKind kind, Guid subjectId, Guid teamId, string message, DateTimeOffset raisedAt, Guid? personId = null)
    {
        Id = NewId.Next();
        Kind = kind;
        SubjectId = subjectId;
        TeamId = teamId;
        Message = message;
        RaisedAt = raisedAt;
        PersonId = personId;
    }

    public Guid Id { get; private set; }
    public AlertKind Kind { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid TeamId { get; private set; }
    public Guid? PersonId { get; private set; }
    public string Message { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public Guid? AcknowledgedByUserId { get; private set; }

    public void Acknowledge(Guid by, DateTimeOffset at)
    {
        AcknowledgedAt ??= at;
        AcknowledgedByUserId ??= by;
    }
}
