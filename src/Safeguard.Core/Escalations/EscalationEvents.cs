using Safeguard.Core.Audit;

namespace Safeguard.Core.Escalations;

// The events name no subject, concern or response: the audit trail says who raised, read and answered what, while the
// words stay on the escalation, for the people who may read it.

/// <summary>A member of staff raised a concern with the director or a delegate.</summary>
public sealed record EscalationRaised(Guid EscalationId, Guid AnswererId, bool SharedWithManager, DateTimeOffset DueAt) : IEvent
{
    public static string Name => "escalation.raised";

    public string Describe() => SharedWithManager ? "Escalation raised with the director (shared with the line manager)" : "Escalation raised with the director";
}

/// <summary>Someone read an escalation.</summary>
public sealed record EscalationViewed(Guid EscalationId) : IEvent
{
    public static string Name => "escalation.viewed";

    public string Describe() => "Escalation read";
}

/// <summary>The director or delegate answered an escalation, with an outcome.</summary>
public sealed record EscalationResponded(Guid EscalationId, EscalationOutcome Outcome) : IEvent
{
    public static string Name => "escalation.responded";

    public string Describe() => $"Escalation answered: {Outcome.Words().ToLowerInvariant()}";
}
