using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Seeding.Large;
using Safeguard.Core.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Watching;

/// <summary>The same small large council twice, with and without its injected drops (Scale 0.01: about 10,000 contacts).</summary>
public sealed class SeededWithAndWithoutDrops : IAsyncLifetime
{
    public static readonly LargeSeedOptions Options = new() { Seed = 5, Scale = 0.01, EndDate = new DateOnly(2026, 3, 2), WalkedMonths = 0 };

    public TestDatabase WithDrops { get; private set; } = null!;
    public TestDatabase WithoutDrops { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        WithDrops = await TestDatabase.CreateMigratedAsync();
        WithoutDrops = await TestDatabase.CreateMigratedAsync();
        await new LargeCouncilSeeder().RunAsync(WithDrops.Provider, WithDrops.ConnectionString, Options);
        await new LargeCouncilSeeder().RunAsync(WithoutDrops.Provider, WithoutDrops.ConnectionString, Options with { Drops = null });
    }

    public async Task DisposeAsync()
    {
        await WithDrops.DisposeAsync();
        await WithoutDrops.DisposeAsync();
    }
}

public sealed class SeededDropsTests(SeededWithAndWithoutDrops seeds) : IClassFixture<SeededWithAndWithoutDrops>
{
    private static readonly InjectedDrops Drops = InjectedDrops.Default;

    private static DateTimeOffset Start(DateOnly day) => TimeLimits.UkLocal(day, TimeOnly.MinValue);

    private static Task<int> AssessmentsStartedAsync(SafeguardDbContext db, DateOnly from, DateOnly to) =>
        db.Assessments.CountAsync(a => a.StartedOn >= from && a.StartedOn <= to);

    private static Task<int> ContactsAsync(SafeguardDbContext db, DateOnly from, DateOnly to) =>
        db.Contacts.CountAsync(c => c.ReceivedAt >= Start(from) && c.ReceivedAt < Start(to.AddDays(1)));

    private static async Task<List<Contact>> PoliceContactsAsync(SafeguardDbContext db, DateOnly from, DateOnly to)
    {
        var police = await db.Organisations.Where(o => o.Name == $"{SeededWithAndWithoutDrops.Options.CouncilName}shire Police").Select(o => o.Id).SingleAsync();
        return await db.Contacts.Where(c => c.ReferringOrganisationId == police && c.ReceivedAt >= Start(from) && c.ReceivedAt < Start(to.AddDays(1)))
            .ToListAsync();
    }

    [Fact]
    public async Task TheAssessmentDrop_AssessmentsStartedFallToATenth_WhileContactsAndReferralsArriveAsUsual()
    {
        await using var with = seeds.WithDrops.CreateContext();
        await using var without = seeds.WithoutDrops.CreateContext();
        var (from, to) = (Drops.AssessmentDropFrom, Drops.AssessmentDropTo);

        var usual = await AssessmentsStartedAsync(without, from, to);
        usual.ShouldBeGreaterThanOrEqualTo(8);
        (await AssessmentsStartedAsync(with, from, to)).ShouldBeLessThanOrEqualTo(usual / 4);
        (await ContactsAsync(with, from, to)).ShouldBe(await ContactsAsync(without, from, to));
        // Referrals are dated by the screening decision, which the drop leaves alone (after it the draws may differ a little).
        (await with.Referrals.CountAsync(r => r.ReferralDate >= from && r.ReferralDate <= to))
            .ShouldBeGreaterThan(await without.Referrals.CountAsync(r => r.ReferralDate >= from && r.ReferralDate <= to) * 7 / 10);

        // The referrals held back were allocated and assessed in the fortnight after, each assessment completed after its start.
        var after = (From: to.AddDays(1), To: to.AddDays(15));
        (await AssessmentsStartedAsync(with, after.From, after.To)).ShouldBeGreaterThan(await AssessmentsStartedAsync(without, after.From, after.To) + usual / 2);
        (await with.Assessments.CountAsync(a => a.CompletedOn != null && a.CompletedOn < a.StartedOn)).ShouldBe(0);
    }

    [Fact]
    public async Task ThePartnerStop_NoApiContactsFromTheCountyPolice_ButTheirContactsStillArriveThroughThePartnerPage()
    {
        await using var with = seeds.WithDrops.CreateContext();
        await using var without = seeds.WithoutDrops.CreateContext();
        var (from, to) = (Drops.PartnerStopFrom, Drops.PartnerStopTo);

        var usual = await PoliceContactsAsync(without, from, to);
        var during = await PoliceContactsAsync(with, from, to);
        var afterwards = await PoliceContactsAsync(with, to.AddDays(3), to.AddDays(60));

        var usualApi = usual.Count(c => c.Channel == ContactChannel.PartnerApi);
        usualApi.ShouldBeGreaterThan(2);
        during.Count(c => c.Channel == ContactChannel.PartnerApi).ShouldBe(0);
        during.Count(c => c.Channel == ContactChannel.PartnerPage).ShouldBeGreaterThan(usual.Count(c => c.Channel == ContactChannel.PartnerPage));
        afterwards.Count(c => c.Channel == ContactChannel.PartnerApi).ShouldBeGreaterThan(2);
    }

    [Fact]
    public async Task WithoutDrops_TheSameHistoryUpToTheDrop_AndAfterItTheSameContactsADayAndTotalsWithinOrdinaryVariation()
    {
        await using var with = seeds.WithDrops.CreateContext();
        await using var without = seeds.WithoutDrops.CreateContext();
        var dropStart = Start(Drops.AssessmentDropFrom.AddDays(-7));

        (await with.Contacts.Where(c => c.ReceivedAt < dropStart).OrderBy(c => c.Id).Select(c => new { c.Id, c.ReceivedAt, c.Channel, c.Outcome }).ToListAsync())
            .ShouldBe(await without.Contacts.Where(c => c.ReceivedAt < dropStart).OrderBy(c => c.Id).Select(c => new { c.Id, c.ReceivedAt, c.Channel, c.Outcome }).ToListAsync());
        var early = Drops.AssessmentDropFrom.AddDays(-7);
        (await with.Assessments.Where(a => a.StartedOn < early).OrderBy(a => a.Id).Select(a => new { a.Id, a.StartedOn }).ToListAsync())
            .ShouldBe(await without.Assessments.Where(a => a.StartedOn < early).OrderBy(a => a.Id).Select(a => new { a.Id, a.StartedOn }).ToListAsync());

        // Contacts a day come from the council's calendar alone; referrals and assessments after the drop are another draw.
        static async Task<List<(DateOnly Day, int Count)>> PerDayAsync(SafeguardDbContext db) =>
            (await db.Contacts.Select(c => c.ReceivedAt).ToListAsync()).GroupBy(t => t.UtcDateTime.Date)
                .Select(g => (DateOnly.FromDateTime(g.Key), g.Count())).OrderBy(d => d.Item1).ToList();
        (await PerDayAsync(with)).ShouldBe(await PerDayAsync(without));
        var (referralsWith, referralsWithout) = (await with.Referrals.CountAsync(), await without.Referrals.CountAsync());
        referralsWith.ShouldBeInRange(referralsWithout * 97 / 100, referralsWithout * 103 / 100);
        var (assessmentsWith, assessmentsWithout) = (await with.Assessments.CountAsync(), await without.Assessments.CountAsync());
        assessmentsWith.ShouldBeInRange(assessmentsWithout * 97 / 100, assessmentsWithout * 103 / 100);
    }
}
