using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// How urgent a partner is told its own referral is: the priority and decision clock that what it sent earns by itself.
/// Never what the council already knows about the child (a child protection plan, an open enquiry: need to know) nor a
/// manager's later change, either of which would tell a partner something about a child it did not say.
/// </summary>
public static class PartnerSeenUrgency
{
    public static (Priority Priority, DateTimeOffset DecisionDueAt) Of(ScreeningDecisionClock clock, IEnumerable<string> categories,
        bool immediateRisk, bool injurySeen, IEnumerable<DateOnly?> sentBirthDates, DateTimeOffset receivedAt)
    {
        var (priority, _) = ContactPriorityRule.Assess(categories, immediateRisk, injurySeen, sentBirthDates,
            DateOnly.FromDateTime(receivedAt.UtcDateTime));
        return (priority, clock.DecisionDue(receivedAt, priority));
    }
}
