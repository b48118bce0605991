using Safeguard.Core.Audit;

namespace Safeguard.Core.Supervision;

/// <summary>A supervision session was recorded.</summary>
public sealed record SupervisionRecorded(Guid SupervisionId, SupervisionKind Kind, Guid WorkerId, string WorkerName, Guid SupervisorId,
    string SupervisorName, DateTimeOffset HeldAt, int Actions) : IEvent
{
    public static string Name => "supervision.recorded";

    public string Describe() => Kind == SupervisionKind.Case
        ? $"Case supervision of {WorkerName} by {SupervisorName}"
        : $"Personal supervision of {WorkerName} by {SupervisorName}";
}
