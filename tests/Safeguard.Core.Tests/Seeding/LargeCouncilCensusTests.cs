using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Conferences;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.Validation;
using Safeguard.Core.Security;
using Safeguard.Core.Work;

namespace Safeguard.Core.Tests.Seeding;

/// <summary>The large council's casework holds together as the CIN census reads it, on either provider.</summary>
public sealed class LargeCouncilCensusTests(AllocatedLargeSeed seed) : IClassFixture<AllocatedLargeSeed>
{
    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public async Task Census_FailsNoErrorRule(int year)
    {
        await using var db = seed.Database.CreateContext(TimeProvider.System, Actor.System);
        var export = new CinCensusExport(db, Options.Create(new CinCensusSettings()), TimeProvider.System);

        var failures = await new CinCensusValidation(export).CheckAsync(new CensusYear(year));
        var children = 0;
        await foreach (var _ in export.ChildrenAsync(new CensusYear(year))) children++;

        children.ShouldBeGreaterThan(200);
        var errors = failures.Where(f => f.Severity == RuleSeverity.Error).ToList();
        errors.ShouldBeEmpty(string.Join("; ", errors.Take(20).Select(f => $"{f.LaChildId} {f.Code} {f.Message}")));
    }

    [Fact]
    public async Task EveryChild_HasAtMostOneEpisodeAtATime()
    {
        await using var db = seed.Database.CreateContext();
        var referrals = await db.Referrals.Select(r => new { r.PersonId, r.ReferralDate, r.ClosedOn }).ToListAsync();

        foreach (var child in referrals.GroupBy(r => r.PersonId))
        {
            var episodes = child.OrderBy(r => r.ReferralDate).ToList();
            for (var i = 1; i < episodes.Count; i++)
            {
                episodes[i - 1].ClosedOn.ShouldNotBeNull();
                episodes[i].ReferralDate.ShouldBeGreaterThan(episodes[i - 1].ClosedOn!.Value);
            }
        }
    }

    [Fact]
    public async Task EveryProtectionPlan_FollowsAnEnquiryAndTheInitialConferenceThatStartedIt()
    {
        await using var db = seed.Database.CreateContext();
        var plans = await db.ChildPlans.Where(p => p.Kind == PlanKind.ChildProtection).ToListAsync();
        var conferences = await db.ChildProtectionConferences.ToListAsync();
        var enquiries = await db.Section47Enquiries.ToDictionaryAsync(e => e.Id);

        plans.ShouldNotBeEmpty();
        plans.Where(p => p.Number > 1).ShouldNotBeEmpty();
        foreach (var plan in plans)
        {
            var initial = conferences.Single(c => c.ChildPlanId == plan.Id && c.Kind == ConferenceKind.Initial);
            initial.Plan.ShouldBeTrue();
            initial.Category.ShouldBe(AbuseCategories.FromCode(plan.InitialCategory));
            var enquiry = enquiries[initial.Section47EnquiryId!.Value];
            enquiry.Outcome.ShouldBe(Section47Outcome.InitialChildProtectionConference);
            // Concluded by the conference's day (the recent cases, through the services, on their own earlier day).
            enquiry.EndedOn.ShouldNotBeNull();
            enquiry.EndedOn.Value.ShouldBeLessThanOrEqualTo(plan.StartedOn);
            enquiry.StartedOn.ShouldBeLessThanOrEqualTo(plan.StartedOn);
            enquiry.InitialConferenceTargetOn.ShouldNotBeNull();
            var reviews = conferences.Where(c => c.ChildPlanId == plan.Id && c.Kind == ConferenceKind.Review).ToList();
            reviews.ShouldAllBe(r => r.HeldAt > initial.HeldAt);
            if (plan.EndedOn is { } ended) reviews.ShouldContain(r => !r.Plan && DateOnly.FromDateTime(r.HeldAt.UtcDateTime) == ended);
        }
    }

    [Fact]
    public async Task EveryEnquiry_BeganAtAStrategyDiscussion_AndAnOpenOneHasItsConferenceToHold()
    {
        await using var db = seed.Database.CreateContext();
        var enquiries = await db.Section47Enquiries.Select(e => new { e.Id, e.EndedOn }).ToListAsync();
        var begun = (await db.StrategyDiscussions.Where(s => s.Section47).Select(s => s.Section47EnquiryId).ToListAsync()).ToHashSet();
        var toHold = (await db.WorkItems.Where(w => w.Kind == WorkKind.InitialConference && w.ClosedAt == null).Select(w => w.SubjectId)
            .ToListAsync()).ToHashSet();

        enquiries.ShouldNotBeEmpty();
        enquiries.ShouldAllBe(e => begun.Contains(e.Id));
        enquiries.Where(e => e.EndedOn == null).ShouldAllBe(e => toHold.Contains(e.Id));
        // Children's social care, the police and health at least; the recent cases have education too.
        var agencies = await db.StrategyParticipants.GroupBy(p => p.StrategyDiscussionId).Select(g => g.Count()).ToListAsync();
        agencies.Count.ShouldBe(await db.StrategyDiscussions.CountAsync());
        agencies.ShouldAllBe(n => n >= 3);
    }
}
