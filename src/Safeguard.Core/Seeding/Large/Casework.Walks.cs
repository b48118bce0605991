using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Work;

namespace Safeguard.Core.Seeding.Large;

/// <summary>What the front door wrote about a contact, carried to the cases it opens.</summary>
internal sealed record ContactStory(string Concern, string DecisionReasons);

/// <summary>
/// The cases allocated in the last <see cref="LargeSeedOptions.WalkedMonths"/> months: their referral and allocations are
/// written in bulk like the rest, but every step after allocation is left to <see cref="CasePathways"/>, which records it
/// through the same services a worker's pages use (see <see cref="LargeCouncilSeeder"/>).
/// </summary>
internal sealed partial class Casework
{
    private readonly Random _walk = new(unchecked(options.Seed * 41 + 13));

    /// <summary>The cases to walk through the services once the bulk rows are written, in the order they were allocated.</summary>
    public List<CasePath> Walks { get; } = [];

    private DateOnly WalkFrom => _today.AddMonths(-options.WalkedMonths);

    private void WalkLater(Guid referralId, int kid, Guid contactId, DateOnly referralDate, string sourceCode, Guid teamId, Priority priority,
        bool strategy, DateOnly allocatedOn, CaseWorker worker, List<string> categories, ContactStory contact)
    {
        var personId = population.ChildId[kid];
        var name = population.ChildName[kid];
        // The case is open while its steps are recorded; a case the walk closes later is simply not picked for a new referral.
        EpisodeOpen(kid, null);
        // The same proportions as the bulk history: a child protection plan for about two in five strategy discussions, a
        // child in need plan for about three in ten of the rest, and otherwise the case closes within two weeks of the assessment.
        var plan = _walk.NextDouble() < (strategy ? 0.4 : 0.05) ? PlanKind.ChildProtection
            : _walk.NextDouble() < 0.3 ? PlanKind.ChildInNeed : (PlanKind?)null;
        // Kept by its first worker: the walk records each step as the holder of the case, and a change of hands would need the
        // reallocation service to move the open work with it.
        var (holder, _) = WriteCaseHistory(referralId, personId, name, priority, categories, strategy, allocatedOn, worker, plan: null, closedOn: null,
            reallocate: false);
        _referrals.Add(referralId, personId, contactId, referralDate, sourceCode, teamId, holder.Id, nameof(ReferralStatus.Allocated), null, null,
            CensusSeedValues.PrimaryNeed(Referrals, string.Join(',', categories)));
        Walks.Add(new CasePath(referralId, new DemoContact(TimeSpan.Zero, ContactChannel.FrontDoor, "", "", contact.Concern,
            string.Join(',', categories), priority, ScreeningOutcome.ReferralToSocialCare, contact.DecisionReasons,
            Factors: Factors(categories), Plan: plan, ClosesWorkingDaysAfterAssessment: plan is null ? 1 + _walk.Next(10) : null)));
    }
}
