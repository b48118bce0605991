using Safeguard.Core.Timescales;

namespace Safeguard.Core.Work;

/// <summary>The clocks of <see cref="Timescales"/>, by <see cref="Priority"/>.</summary>
public static class PriorityClocks
{
    /// <summary>When the screening decision on a contact of <paramref name="priority"/> received at <paramref name="receivedAt"/> is due.</summary>
    public static DateTimeOffset DecisionDue(this ScreeningDecisionClock clock, DateTimeOffset receivedAt, Priority priority) =>
        clock.DecisionDue(receivedAt, urgent: priority != Priority.Standard);
}
