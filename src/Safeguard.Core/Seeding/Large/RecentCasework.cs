using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Seeding.Large;

/// <summary>Rows the walk added, per table.</summary>
internal sealed record WalkedRows(long Assessments, long ChildPlans, long StrategyDiscussions, long Section47Enquiries, long Conferences,
    long WorkItems, long Events);

/// <summary>
/// Works the large council's recent cases (<see cref="LargeSeedOptions.WalkedMonths"/>) through the domain services with
/// <see cref="CasePathways"/>, as the demo council's are: each step has the record, the work items and the typed events a
/// worker's page would have written on that day.
/// </summary>
internal static class RecentCasework
{
    public static async Task<WalkedRows> WalkAsync(DbContextOptions<SafeguardDbContext> options, LargeSeedOptions seed, Workforce workforce,
        IReadOnlyList<CasePath> walks, IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        await using var db = new SafeguardDbContext(options, new FixedActorContext(Actor.System), TimeProvider.System);
        var before = await CountAsync(db, ct);
        if (walks.Count > 0)
        {
            var staff = await db.Users.AsNoTracking().ToListAsync(ct);
            var chairs = workforce.Chairs.ToHashSet();
            var chair = staff.Where(u => chairs.Contains(u.Id) && !u.IsDisabled).OrderBy(u => u.Id).First();
            var now = new DateTimeOffset(seed.EndDate.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
            await using var pathways = new CasePathways(options, WorkingDayCalendar.Default(), new VisitSettings(), now, staff, chair);
            for (var i = 0; i < walks.Count; i++)
            {
                await pathways.WalkAsync(walks[i], ct);
                if (i % 50 == 49 || i == walks.Count - 1) progress?.Report(new SeedProgress("Casework", i + 1, walks.Count));
            }
        }
        var after = await CountAsync(db, ct);
        return new WalkedRows(after.Assessments - before.Assessments, after.ChildPlans - before.ChildPlans,
            after.StrategyDiscussions - before.StrategyDiscussions, after.Section47Enquiries - before.Section47Enquiries,
            after.Conferences - before.Conferences, after.WorkItems - before.WorkItems, after.Events - before.Events);
    }

    private static async Task<WalkedRows> CountAsync(SafeguardDbContext db, CancellationToken ct) => new(
        await db.Assessments.LongCountAsync(ct), await db.ChildPlans.LongCountAsync(ct), await db.StrategyDiscussions.LongCountAsync(ct),
        await db.Section47Enquiries.LongCountAsync(ct), await db.ChildProtectionConferences.LongCountAsync(ct),
        await db.WorkItems.LongCountAsync(ct), await db.Events.LongCountAsync(ct));
}
