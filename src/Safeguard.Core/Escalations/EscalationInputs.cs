namespace Safeguard.Core.Escalations;

/// <summary>Who a concern may be raised with: the director, or a delegate the director named.</summary>
public sealed record Answerer(Guid Id, string Name, string? JobTitle, bool IsDirector);

/// <summary>A concern as the raise form sends it; anything may be missing (the service says what).</summary>
public sealed record EscalationInput(Guid? AnswererId, string? Subject, string? Concern, bool? ShareWithManager, Guid? ChildId);

/// <summary>A response as the respond form sends it, from the version the answerer was looking at.</summary>
public sealed record EscalationResponseInput(Guid EscalationId, int Version, string? Outcome, string? Response);

public enum EscalationChange { Done, Invalid, NotFound, AlreadyAnswered, ChangedElsewhere }

public sealed record EscalationResult(EscalationChange Outcome, Guid? Id, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static EscalationResult Of(EscalationChange outcome, Guid? id = null) => new(outcome, id, []);

    public static EscalationResult Invalid(IReadOnlyList<(string, string)> errors) => new(EscalationChange.Invalid, null, errors);
}

/// <summary>One escalation as a list shows it. <see cref="Subject"/> is the restricted title when its child is hidden from the reader.</summary>
public sealed record EscalationLine(Guid Id, string Subject, string RaisedBy, string Answerer, DateTimeOffset RaisedAt, DateTimeOffset DueAt,
    DateTimeOffset? RespondedAt, EscalationOutcome? Outcome, bool Readable)
{
    public bool IsOpen => RespondedAt is null;
}

/// <summary>One escalation as its page shows it to someone who may read it.</summary>
public sealed record EscalationView(Guid Id, string Subject, string Concern, Guid RaisedById, string RaisedBy, string Answerer, bool SharedWithManager,
    string? Manager, Guid? PersonId, string? ChildName, DateTimeOffset RaisedAt, DateTimeOffset DueAt, int AgeWorkingDays,
    DateTimeOffset? RespondedAt, string? RespondedBy, EscalationOutcome? Outcome, string? Response, int Version, bool MayRespond)
{
    public bool IsOpen => RespondedAt is null;
}

/// <summary>A child the raiser works with, offered to link an escalation to.</summary>
public sealed record EscalationChild(Guid Id, string Name);
