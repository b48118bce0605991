using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;

namespace Safeguard.Core.Assessments;

/// <summary>A child and family assessment started, when the child's case was allocated.</summary>
public sealed record AssessmentStarted(Guid AssessmentId, Guid ReferralId, Guid WorkerId, string WorkerName, DateOnly StartedOn, DateOnly DueOn)
    : IEvent
{
    public static string Name => "assessment.started";

    public string Describe() => $"Child and family assessment started by {WorkerName}, due {DueOn:d MMMM yyyy}";
}

/// <summary>The worker saved their assessment so far.</summary>
public sealed record AssessmentSaved(Guid AssessmentId, IReadOnlyList<string> Factors, AssessmentOutcome? Outcome) : IEvent
{
    public static string Name => "assessment.saved";

    public string Describe() => "Child and family assessment saved (not yet completed)";
}

/// <summary>The worker completed the assessment: it waits for a manager's authorisation.</summary>
public sealed record AssessmentCompleted(Guid AssessmentId, string WorkerName, DateOnly CompletedOn, DateOnly? ChildSeenOn, bool SeenAlone,
    IReadOnlyList<string> Factors, AssessmentOutcome Outcome) : IEvent
{
    public static string Name => "assessment.completed";

    public string Describe() => $"Child and family assessment completed by {WorkerName}: {Outcome.Words()}";
}

/// <summary>A manager authorised the completed assessment (its CIN census authorisation date).</summary>
public sealed record AssessmentAuthorised(Guid AssessmentId, string ManagerName, DateOnly AuthorisedOn, bool WithinTimescale) : IEvent
{
    public static string Name => "assessment.authorised";

    public string Describe() => WithinTimescale
        ? $"Child and family assessment authorised by {ManagerName}, within 45 working days"
        : $"Child and family assessment authorised by {ManagerName}, later than 45 working days";
}

/// <summary>A manager sent the completed assessment back to the worker, saying why.</summary>
public sealed record AssessmentReturned(Guid AssessmentId, string ManagerName, string Reason) : IEvent
{
    public static string Name => "assessment.returned";

    public string Describe() => $"Child and family assessment returned to the worker by {ManagerName}: {Reason}";
}
