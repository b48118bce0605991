using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Performance;
using Safeguard.Core.Performance.Daily;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;
using static Safeguard.Core.Tests.CaseloadQueries.CaseloadData;
using static Safeguard.Core.Tests.Performing.PerformanceData;

namespace Safeguard.Core.Tests.Performing;

/// <summary>The daily figures table: the same series as computed now, a figure equal to its list after a refresh, freshness, one instance per run.</summary>
public sealed class DailyFiguresTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private static readonly PerformancePeriod May = new(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31));
    private Guid _team;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSafeguardCore(_database.Provider, _database.ConnectionString);
        services.AddSingleton<TimeProvider>(_time);
        _services = services.BuildServiceProvider();
        await using var db = _database.CreateContext(_time);
        var (_, team, other, _) = await TestData.CreateCouncilAsync(db);
        _team = team.Id;
        var worker = await WorkerAsync(db, "Dora Daily", team.Id);
        var agency = await WorkerAsync(db, "Otto Other", other.Id, employment: EmploymentKind.Agency);
        for (var i = 0; i < 6; i++)
        {
            var child = await ChildAsync(db, $"Child{i}");
            var day = new DateOnly(2026, 5, 4 + 3 * i);
            await ContactAsync(db, child, Uk(day, 10), decidedAt: Uk(day, 10).AddHours(i * 10), decidedBy: worker.Id,
                feedbackSentAt: Uk(day, 10).AddHours(i * 12));
            await ReferralAsync(db, child, day, i % 2 == 0 ? team.Id : other.Id, reReferral: i == 3);
            await AllocateAsync(db, child, i % 3 == 0 ? agency : worker, Uk(day, 12), endedAt: i == 1 ? Uk(day.AddDays(5), 9) : null);
        }
        var planned = await ChildAsync(db, "Planned");
        var referral = await ReferralAsync(db, planned, new DateOnly(2024, 1, 8), team.Id);
        db.ChildPlans.Add(new ChildPlan(referral.Id, planned.Id, PlanKind.ChildProtection, new DateOnly(2024, 2, 1), "Neglect", number: 2));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private AsyncServiceScope Scope() => _services.CreateAsyncScope();

    private static IEnumerable<(string, string, double?, int, int)> Flat(IEnumerable<MeasureSeries> series) =>
        series.SelectMany(s => s.Points.SelectMany(p => p.Values.Select(v => (s.Measure.Slug, p.Bucket.Label, v, p.Numerator, p.Denominator))));

    [Fact]
    public async Task BeforeAnyRefresh_TheSeriesAreComputedNow()
    {
        await using var scope = Scope();
        var figures = await scope.ServiceProvider.GetRequiredService<DailyFigures>().SeriesAsync(May, null);

        Assert.True(figures.ComputedNow);
        Assert.Equal(_time.GetUtcNow(), figures.AsAt);
        Assert.Contains(figures.Series, s => s.Measure.Slug == "contacts" && s.Points.Sum(p => p.Values[0]) == 6);
    }

    [Fact]
    public async Task AfterARefresh_EveryMeasuresSeriesFromTheTable_EqualsTheSeriesComputedNow_ForTheServiceAndATeam()
    {
        await using var scope = Scope();
        var daily = scope.ServiceProvider.GetRequiredService<DailyFigures>();
        var measures = scope.ServiceProvider.GetRequiredService<PerformanceMeasures>();
        await daily.RefreshAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 1));
        var refreshedAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(5));

        foreach (Guid? team in new Guid?[] { null, _team })
        {
            var fromTable = await daily.SeriesAsync(May, team);
            var now = new List<MeasureSeries>();
            foreach (var m in measures.All) now.Add(await m.SeriesAsync(May, team));

            Assert.False(fromTable.ComputedNow);
            Assert.Equal(refreshedAt, fromTable.AsAt);
            Assert.Equal(Flat(now), Flat(fromTable.Series));
        }
    }

    [Fact]
    public async Task AfterARefresh_EachFigureEqualsTheCountOfItsList()
    {
        await using var scope = Scope();
        var daily = scope.ServiceProvider.GetRequiredService<DailyFigures>();
        var lists = scope.ServiceProvider.GetRequiredService<PerformanceLists>();
        await daily.RefreshAsync(May.From, May.To);

        var figures = await daily.SeriesAsync(May, null);
        var checkedFigures = 0;
        foreach (var series in figures.Series)
        {
            foreach (var point in series.Points)
            {
                var list = await lists.ListAsync(series.Measure, May, point.Bucket, null, 1);
                // The list's count is the figure's denominator (a rate or share), its count, or its cases (caseloads).
                var expected = series.Measure.IsPercentage || series.Measure.Kind == MeasureKind.Level && series.SeriesNames.Count > 1
                    ? point.Denominator : series.Measure.Slug == "caseloads" ? point.Numerator : (int)(point.Values[0] ?? 0);
                Assert.Equal(expected, list.Total);
                if (series.Measure.IsPercentage) Assert.Equal(point.Numerator, list.Met);
                checkedFigures += list.Total;
            }
        }
        Assert.True(checkedFigures > 20, $"only {checkedFigures} items were behind the figures");
    }

    [Fact]
    public async Task ARecordAddedAfterTheRefresh_ShowsOnlyAfterTheNextRefresh()
    {
        await using var scope = Scope();
        var daily = scope.ServiceProvider.GetRequiredService<DailyFigures>();
        await daily.RefreshAsync(May.From, May.To);
        await using (var db = _database.CreateContext(_time))
        {
            await ReferralAsync(db, await ChildAsync(db, "Late"), new DateOnly(2026, 5, 20), _team);
        }
        int Referrals(DashboardFigures f) => f.Series.Single(s => s.Measure.Slug == "referrals").Points.Sum(p => (int)p.Values[0]!.Value);

        var stale = Referrals(await daily.SeriesAsync(May, null));
        _time.Advance(TimeSpan.FromMinutes(20));
        await daily.RefreshAsync(May.From, May.To);
        var fresh = await daily.SeriesAsync(May, null);

        // Six referrals of the contacts and six made with the allocations; then one more.
        Assert.Equal((12, 13), (stale, Referrals(fresh)));
        Assert.Equal(_time.GetUtcNow(), fresh.AsAt);
    }

    [Fact]
    public async Task TheBackgroundRun_IsDoneOncePerSlot_WhoeverRunsIt()
    {
        await using var first = Scope();
        await using var second = Scope();

        var ran = await first.ServiceProvider.GetRequiredService<DailyFigures>().RunAsync();
        var again = await second.ServiceProvider.GetRequiredService<DailyFigures>().RunAsync();
        _time.Advance(TimeSpan.FromMinutes(16));
        var later = await second.ServiceProvider.GetRequiredService<DailyFigures>().RunAsync();

        Assert.NotNull(ran);
        Assert.Equal(new DateOnly(2026, 6, 1).AddYears(-PerformancePeriodRule.MaxYears), ran.From);
        Assert.Null(again);
        Assert.NotNull(later);
        Assert.Equal(new DateOnly(2026, 6, 1).AddDays(-89), later.From);
    }
}
