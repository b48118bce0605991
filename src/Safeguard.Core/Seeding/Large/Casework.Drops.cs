using Safeguard.Core.FrontDoor;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Seeding.Large;

/// <summary>
/// The injected falls (<see cref="InjectedDrops"/>): referrals held back from allocation, so assessments started fall to a
/// tenth while contacts arrive as usual, and the county police force's API contacts sent through the partner page instead.
/// Drawn from a random stream of their own. Every contact arrives on the same day as without them, but a held-back case
/// closes later, so a child's later contact may find it still open: from the drop on, the history is another draw.
/// </summary>
internal sealed partial class Casework
{
    private readonly Random _drops = new(unchecked(options.Seed * 43 + 17));

    /// <summary>The county force (the first police partner): the partner sending the most through the API.</summary>
    private Guid? StoppedPartnerId => workforce.Partners.FirstOrDefault(p => p.Kind == OrganisationKind.Police)?.Id;

    /// <summary>The channel a contact arrives by, after a partner's API stop (judged on the UK day, as the flow watch counts it).</summary>
    private ContactChannel AfterPartnerStop(ContactChannel channel, Partner? partner, DateOnly day) =>
        channel == ContactChannel.PartnerApi && options.Drops is { } drops && drops.StopsPartnerApiOn(day) && partner?.Id == StoppedPartnerId
            ? ContactChannel.PartnerPage
            : channel;

    /// <summary>
    /// A referral due for allocation during the assessment drop is, but for the given share, held back and allocated on one
    /// of the ten working days after the drop ends (when the backlog was found); null when it is not held.
    /// </summary>
    private DateOnly? HeldBackUntil(DateOnly allocatedOn)
    {
        if (options.Drops is not { } drops || !drops.HoldsBackAllocationOn(allocatedOn)) return null;
        if (_drops.NextDouble() < drops.AssessmentShare) return null;
        return _calendar.AddWorkingDays(drops.AssessmentDropTo, 1 + _drops.Next(10));
    }

    /// <summary>A held-back case's assessment completes at least ten working days after it finally started.</summary>
    private DateOnly CompletedAfterHold(DateOnly completed, DateOnly startedOn) =>
        Later(completed, _calendar.AddWorkingDays(startedOn, 10 + _drops.Next(20)));
}
