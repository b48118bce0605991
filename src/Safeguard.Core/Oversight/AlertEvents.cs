using Safeguard.Core.Audit;
using Safeguard.Core.Work;

namespace Safeguard.Core.Oversight;

/// <summary>Late work was noticed and a manager alerted.</summary>
public sealed record AlertRaised(Guid AlertId, AlertKind Kind, string Message) : IEvent
{
    public static string Name => "alert.raised";

    public string Describe() => Message;
}

/// <summary>A manager saw an alert and said what was done.</summary>
public sealed record AlertAcknowledged(Guid AlertId, AlertKind Kind, string Message) : IEvent
{
    public static string Name => "alert.acknowledged";

    public string Describe() => $"Alert acknowledged: {Message}";
}
