using Safeguard.Core.Data;

namespace Safeguard.Core.Escalations;

/// <summary>What the director (or delegate) decided about a concern raised with them.</summary>
public enum EscalationOutcome
{
    /// <summary>The concern was right and the practice or procedure will change.</summary>
    Upheld,
    /// <summary>Some of the concern was right.</summary>
    PartlyUpheld,
    /// <summary>The practice or procedure stands, with the reasons given.</summary>
    NotUpheld,
    /// <summary>Passed to the right place (e.g. the LADO, HR, a complaints or whistleblowing route), as the response says.</summary>
    ReferredElsewhere,
    /// <summary>The person who raised it asked for it to go no further.</summary>
    Withdrawn,
}

/// <summary>
/// A concern about practice or procedure raised by a member of staff directly with the director or a delegate the
/// director named (docs/escalations.md). Open until the director or delegate responds; never deleted. Read only by the
/// person who raised it, whoever answers it, and their line manager when they chose to share it.
/// </summary>
public sealed class Escalation : IVersioned
{
    public const int SubjectMaxLength = 120, ConcernMaxLength = 4000, ResponseMaxLength = 4000;

    private Escalation() { }

    public Escalation(Guid raisedById, Guid answererId, string subject, string concern, Guid? sharedWithManagerId, Guid? personId,
        DateTimeOffset raisedAt, DateTimeOffset dueAt)
    {
        Id = NewId.Next();
        RaisedById = raisedById;
        AnswererId = answererId;
        Subject = subject;
        Concern = concern;
        SharedWithManagerId = sharedWithManagerId;
        PersonId = personId;
        RaisedAt = raisedAt;
        DueAt = dueAt;
    }

    public Guid Id { get; private set; }
    public Guid RaisedById { get; private set; }

    /// <summary>The director, or the delegate, it was raised with.</summary>
    public Guid AnswererId { get; private set; }

    public string Subject { get; private set; } = "";
    public string Concern { get; private set; } = "";

    /// <summary>The raiser's line manager when it was raised, if they chose to let their manager see it; otherwise null.</summary>
    public Guid? SharedWithManagerId { get; private set; }

    /// <summary>The child it is about, if any: then need-to-know applies to everyone who reads it.</summary>
    public Guid? PersonId { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public Guid? RespondedById { get; private set; }
    public EscalationOutcome? Outcome { get; private set; }
    public string? Response { get; private set; }

    /// <summary>Optimistic concurrency token: of two answers saved at once, one is refused.</summary>
    public int Version { get; private set; } = 1;

    public bool IsOpen => RespondedAt is null;

    internal void Respond(Guid by, DateTimeOffset at, EscalationOutcome outcome, string response)
    {
        if (!IsOpen) throw new InvalidOperationException("This escalation has already been answered.");
        RespondedById = by;
        RespondedAt = at;
        Outcome = outcome;
        Response = response;
    }
}
