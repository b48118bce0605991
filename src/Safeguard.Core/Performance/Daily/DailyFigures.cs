using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Performance.Daily;

/// <summary>
/// The dashboard's figures: every measure's series for a period and team, with when they were computed. Read from the
/// daily table when it holds every day of the period; otherwise (a new install, a period older than the table) computed
/// now from the facts, by the same <see cref="Measure.DailyFigures"/>, so the page is never empty or wrong.
/// </summary>
public sealed record DashboardFigures(IReadOnlyList<MeasureSeries> Series, DateTimeOffset AsAt, DateTimeOffset EarliestAsAt, bool ComputedNow);

/// <summary>What a refresh wrote.</summary>
public sealed record DailyRefreshResult(DateOnly From, DateOnly To, int Days, int Rows);

/// <summary>
/// Keeps the daily table (<see cref="PerformanceFigure"/>, <see cref="PerformanceDay"/>): each measure's facts read once
/// for the days refreshed, turned into each day's figures for the whole service and every team, and written in one
/// transaction in place of what was there.
/// </summary>
public sealed class DailyFigures(SafeguardDbContext db, PerformanceMeasures measures, IOptions<PerformanceSettings> settings,
    ILogger<DailyFigures>? logger = null)
{
    /// <summary>At most this many days' facts are read at once, to bound memory on a large council.</summary>
    public const int ChunkDays = 183;

    private readonly ILogger _log = logger ?? NullLogger<DailyFigures>.Instance;

    public PerformanceSettings Settings => settings.Value;

    public async Task<DashboardFigures> SeriesAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default)
    {
        var days = await db.PerformanceDays.AsNoTracking().Where(d => d.Day >= period.From && d.Day <= period.To)
            .Select(d => d.ComputedAt).ToListAsync(ct);
        if (days.Count < period.Days)
        {
            var series = new List<MeasureSeries>();
            foreach (var measure in measures.All) series.Add(await measure.SeriesAsync(period, teamId, ct));
            var now = db.Time.GetUtcNow();
            return new DashboardFigures(series, now, now, ComputedNow: true);
        }

        var team = teamId ?? PerformanceFigure.WholeService;
        var rows = await db.PerformanceFigures.AsNoTracking().Where(f => f.TeamId == team && f.Day >= period.From && f.Day <= period.To)
            .Select(f => new { f.Measure, f.Day, f.Count, f.Met, f.Other }).ToListAsync(ct);
        var byMeasure = rows.GroupBy(r => r.Measure)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Day, r => new DayFigures(r.Count, r.Met, r.Other)));
        var fromTable = measures.All.Select(m =>
        {
            var figures = byMeasure.GetValueOrDefault(m.Slug);
            return m.SeriesOf(period, day => figures?.GetValueOrDefault(day) ?? default);
        }).ToList();
        return new DashboardFigures(fromTable, days.Max(), days.Min(), ComputedNow: false);
    }

    /// <summary>Computes the days <paramref name="from"/> to <paramref name="to"/> again, a chunk at a time, replacing their rows.</summary>
    public async Task<DailyRefreshResult> RefreshAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var rows = 0;
        for (var start = from; start <= to; start = start.AddDays(ChunkDays))
        {
            var end = start.AddDays(ChunkDays - 1) < to ? start.AddDays(ChunkDays - 1) : to;
            rows += await RefreshChunkAsync(new PerformancePeriod(start, end), ct);
        }
        return new DailyRefreshResult(from, to, to.DayNumber - from.DayNumber + 1, rows);
    }

    private async Task<int> RefreshChunkAsync(PerformancePeriod period, CancellationToken ct)
    {
        var computedAt = db.Time.GetUtcNow();
        var days = Measure.Days(period.From, period.To).ToList();
        var rows = new List<PerformanceFigure>();
        foreach (var measure in measures.All)
        {
            var facts = await measure.FactsForAllAsync(period, ct);
            Add(rows, measure, PerformanceFigure.WholeService, measure.DailyFigures(facts.Service, days));
            foreach (var team in facts.Teams) Add(rows, measure, team.Key, measure.DailyFigures(team.ToList(), days));
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.PerformanceFigures.Where(f => f.Day >= period.From && f.Day <= period.To).ExecuteDeleteAsync(ct);
            await db.PerformanceDays.Where(d => d.Day >= period.From && d.Day <= period.To).ExecuteDeleteAsync(ct);
            db.PerformanceFigures.AddRange(rows);
            db.PerformanceDays.AddRange(days.Select(d => new PerformanceDay(d, computedAt)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
        });
        return rows.Count;
    }

    private static void Add(List<PerformanceFigure> rows, Measure measure, Guid teamId, Dictionary<DateOnly, DayFigures> figures) =>
        rows.AddRange(figures.Select(f => new PerformanceFigure(f.Key, teamId, measure.Slug, f.Value)));

    /// <summary>
    /// The background refresh: once a day after <see cref="PerformanceSettings.FullRebuildAt"/> (or when the table is
    /// empty) every covered day, otherwise the recent days. Each interval's run is claimed first, so of two instances
    /// only one does it (and only one does the day's full rebuild).
    /// Null when another instance had claimed it.
    /// </summary>
    public async Task<DailyRefreshResult?> RunAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var today = TimeLimits.UkDay(now);
        var ukTime = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, WorkingDayCalendar.UkTime).DateTime);
        if (!await TryClaimAsync($"refresh {now.UtcTicks / Settings.RefreshInterval.Ticks}", ct)) return null;
        var empty = !await db.PerformanceDays.AnyAsync(ct);
        if ((empty || ukTime >= Settings.FullRebuildAt) && await TryClaimAsync($"full {today:yyyy-MM-dd}", ct))
        {
            return await LoggedAsync(today.AddYears(-Math.Max(1, Settings.Years)), today, ct);
        }
        return await LoggedAsync(today.AddDays(1 - Math.Max(1, Settings.RefreshDays)), today, ct);
    }

    private async Task<DailyRefreshResult> LoggedAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var started = db.Time.GetTimestamp();
        var result = await RefreshAsync(from, to, ct);
        _log.LogInformation("Performance figures refreshed for {From} to {To}: {Rows} rows in {Elapsed} ms", from, to, result.Rows,
            (long)db.Time.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <summary>Writes the claim; false when another instance wrote it first. Claims older than a week are cleared.</summary>
    public async Task<bool> TryClaimAsync(string key, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var old = now.AddDays(-7);
        await db.PerformanceRefreshClaims.Where(c => c.ClaimedAt < old).ExecuteDeleteAsync(ct);
        db.PerformanceRefreshClaims.Add(new PerformanceRefreshClaim(key, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            _log.LogInformation("The performance refresh {Key} was claimed by another instance", key);
            return false;
        }
    }
}
