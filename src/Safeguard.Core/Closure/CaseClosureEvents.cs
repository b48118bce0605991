using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;

namespace Safeguard.Core.Closure;

/// <summary>A child's case (CIN episode) closed, with its CIN reason; open child in need plans and open work about it ended with it.</summary>
public sealed record CaseClosed(Guid ReferralId, DateOnly ClosedOn, string ReasonCode, string Summary, int PlansEnded, int WorkClosed) : IEvent
{
    public static string Name => "case.closed";

    public string Describe() => $"Case closed: {ClosureReasons.Describe(ReasonCode)}";
}
