using Safeguard.Core.Audit;
using Safeguard.Core.Work;

namespace Safeguard.Core.Oversight.Flow;

/// <summary>A stage of the flow fell far below its usual level (or stopped) on a working day, and the head of service was alerted.</summary>
public sealed record FlowAlertRaised(Guid AlertId, AlertKind Kind, FlowStage Stage, Guid? OrganisationId, DateOnly Day,
    int Count, double? Usual, string Message) : IEvent
{
    public static string Name => "flow-watch.alert-raised";

    public string Describe() => Message;
}
