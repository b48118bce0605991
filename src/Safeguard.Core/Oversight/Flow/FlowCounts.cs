using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Conferences;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Oversight.Flow;

/// <summary>A stage's counts per UK day; a day with nothing counts 0.</summary>
public sealed class DailyCounts(IReadOnlyDictionary<DateOnly, int> counts)
{
    public int On(DateOnly day) => counts.TryGetValue(day, out var n) ? n : 0;

    public static DailyCounts Of(IEnumerable<DateOnly> days) =>
        new(days.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count()));
}

/// <summary>
/// Daily counts of each stage, read from the rows' own dates (each an indexed column): a contact's arrival and
/// decision, a referral's date, an assessment's start, a strategy discussion or initial conference held; and a
/// partner's API contacts by organisation.
/// </summary>
public sealed class FlowCounts(SafeguardDbContext db)
{
    /// <summary>The stage's counts on each UK day from <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    public async Task<DailyCounts> ForAsync(FlowStage stage, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var days = new UkDays(from, to);
        var (start, end) = (days.Start, days.End);
        switch (stage)
        {
            case FlowStage.Referrals:
                return DailyCounts.Of(await db.Referrals.AsNoTracking()
                    .MadeOn(from, to).Select(r => r.ReferralDate).ToListAsync(ct));
            case FlowStage.AssessmentsStarted:
                return DailyCounts.Of(await db.Assessments.AsNoTracking()
                    .Where(a => a.StartedOn >= from && a.StartedOn <= to).Select(a => a.StartedOn).ToListAsync(ct));
        }
        var times = stage switch
        {
            FlowStage.ContactsReceived => db.Contacts.AsNoTracking().ReceivedOn(days).Select(c => c.ReceivedAt),
            FlowStage.ScreeningDecisions => db.Contacts.AsNoTracking().DecidedOn(days).Select(c => c.DecidedAt!.Value),
            FlowStage.StrategyDiscussions => db.StrategyDiscussions.AsNoTracking()
                .Where(s => s.HeldAt >= start && s.HeldAt < end).Select(s => s.HeldAt),
            FlowStage.InitialConferences => db.ChildProtectionConferences.AsNoTracking()
                .Where(c => c.Kind == ConferenceKind.Initial && c.HeldAt >= start && c.HeldAt < end).Select(c => c.HeldAt),
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Partner referrals are counted per organisation"),
        };
        return DailyCounts.Of((await times.ToListAsync(ct)).Select(TimeLimits.UkDay));
    }

    /// <summary>Each partner organisation's contacts through the API per UK day, for organisations that sent any.</summary>
    public async Task<IReadOnlyDictionary<Guid, DailyCounts>> PartnersAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var rows = await db.Contacts.AsNoTracking().ReceivedOn(new UkDays(from, to))
            .Where(c => c.ReferringOrganisationId != null && c.Channel == ContactChannel.PartnerApi)
            .Select(c => new { Organisation = c.ReferringOrganisationId!.Value, c.ReceivedAt })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Organisation)
            .ToDictionary(g => g.Key, g => DailyCounts.Of(g.Select(r => TimeLimits.UkDay(r.ReceivedAt))));
    }
}
