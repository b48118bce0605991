using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Performance;
using Safeguard.Core.Performance.Measures;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;
using static Safeguard.Core.Tests.CaseloadQueries.CaseloadData;
using static Safeguard.Core.Tests.Performing.PerformanceData;

namespace Safeguard.Core.Tests.Performing;

/// <summary>Caseloads per worker and the agency share, at each point's end, worked out by hand.</summary>
public sealed class WorkforceMeasuresTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private static readonly PerformancePeriod Week = new(new DateOnly(2026, 5, 11), new DateOnly(2026, 5, 17));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    /// <summary>
    /// Team one: a permanent worker with three cases open on Sunday 17 May (a fourth ended on the 13th, a fifth ended on
    /// the 17th itself) and an agency worker with one; team two: an agency worker with two cases.
    /// </summary>
    private async Task<(Guid TeamOne, Guid TeamTwo)> CasesAsync(Core.Data.SafeguardDbContext db)
    {
        var (_, one, two, _) = await TestData.CreateCouncilAsync(db);
        var permanent = await WorkerAsync(db, "Paula Permanent", one.Id);
        var agency = await WorkerAsync(db, "Anna Agency", one.Id, employment: EmploymentKind.Agency);
        var elsewhere = await WorkerAsync(db, "Ed Elsewhere", two.Id, employment: EmploymentKind.Agency);
        var allocated = Uk(new DateOnly(2026, 5, 4), 10);
        for (var i = 0; i < 3; i++) await AllocateAsync(db, await ChildAsync(db, $"Open{i}"), permanent, allocated);
        await AllocateAsync(db, await ChildAsync(db, "Ended"), permanent, allocated, endedAt: Uk(new DateOnly(2026, 5, 13), 16));
        await AllocateAsync(db, await ChildAsync(db, "EndedSunday"), permanent, allocated, endedAt: Uk(new DateOnly(2026, 5, 17), 11));
        await AllocateAsync(db, await ChildAsync(db, "Agency"), agency, allocated);
        await AllocateAsync(db, await ChildAsync(db, "Two"), elsewhere, allocated);
        await AllocateAsync(db, await ChildAsync(db, "TwoMore"), elsewhere, Uk(new DateOnly(2026, 5, 15), 10));
        return (one.Id, two.Id);
    }

    [Fact]
    public async Task Caseloads_AtTheWeeksEnd_CountOpenCasesOverWorkersHoldingThem_PerTeamAndService()
    {
        await using var db = _database.CreateContext(_time);
        var (one, _) = await CasesAsync(db);
        var measure = new CaseloadsPerWorker(db);

        var team = (await measure.SeriesAsync(Week, one)).Points.Single();
        var service = (await measure.SeriesAsync(Week, null)).Points.Single();

        Assert.Equal((4, 2, 2.0), (team.Numerator, team.Denominator, team.Values[0]));
        Assert.Equal((6, 3, 2.0), (service.Numerator, service.Denominator, service.Values[0]));
    }

    [Fact]
    public async Task Caseloads_TheListBehindTheFigure_IsTheCasesCounted_WithTheirWorkers()
    {
        await using var db = _database.CreateContext(_time);
        var (one, _) = await CasesAsync(db);
        var measure = new CaseloadsPerWorker(db);
        var point = (await measure.SeriesAsync(Week, one)).Points.Single();

        var list = await new PerformanceLists(db, new Core.People.Access.NeedToKnow(db)).ListAsync(measure, Week, point.Bucket, one, 1);

        Assert.Equal(point.Numerator, list.Total);
        Assert.Equal(["Agency Measured", "Open0 Measured", "Open1 Measured", "Open2 Measured"], list.Rows.Select(r => r.Children.Single().Name).Order());
        Assert.Equal(3, list.Rows.Count(r => r.Worker == "Paula Permanent"));
    }

    [Fact]
    public async Task Caseloads_ARestrictedChild_IsListedAsRestrictedRecord_ToSomeoneNotOnTheList_AndStillCounted()
    {
        await using var db = _database.CreateContext(_time);
        var (one, _) = await CasesAsync(db);
        var hidden = await db.People.SingleAsync(p => p.GivenName == "Open1");
        hidden.IsRestricted = true;
        await db.SaveChangesAsync();
        var measure = new CaseloadsPerWorker(db);
        var point = (await measure.SeriesAsync(Week, one)).Points.Single();

        var list = await new PerformanceLists(db, new Core.People.Access.NeedToKnow(db)).ListAsync(measure, Week, point.Bucket, one, 1);

        Assert.Equal(4, list.Total);
        Assert.Single(list.Rows, r => r.Children.Single() is { Restricted: true, Name: Core.People.Access.NeedToKnow.RestrictedTitle });
        Assert.DoesNotContain(list.Rows, r => r.Children.Single().Name.StartsWith("Open1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AgencyShare_AtTheWeeksEnd_IsAgencyWorkersOverWorkersHoldingCases_AndListsTheWorkers()
    {
        await using var db = _database.CreateContext(_time);
        var (one, _) = await CasesAsync(db);
        var measure = new AgencyShare(db);

        var team = (await measure.SeriesAsync(Week, one)).Points.Single();
        var service = (await measure.SeriesAsync(Week, null)).Points.Single();
        var list = await new PerformanceLists(db, new Core.People.Access.NeedToKnow(db)).ListAsync(measure, Week, service.Bucket, null, 1);

        Assert.Equal((1, 2, 50.0), (team.Numerator, team.Denominator, team.Values[0]));
        Assert.Equal((2, 3, 66.7), (service.Numerator, service.Denominator, service.Values[0]));
        Assert.Equal(["Anna Agency", "Ed Elsewhere", "Paula Permanent"], list.Rows.Select(r => r.Worker!).Order());
        Assert.All(list.Rows, r => Assert.Empty(r.Children));
    }

    [Fact]
    public void Spells_JoinCasesThatOverlapOrTouch_AndSplitAtAGap()
    {
        var worker = Guid.NewGuid();
        MeasureFact Case(int from, int? until) => new(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 5, from), null, null, false,
            until is { } u ? new DateOnly(2026, 5, u) : null, Guid.NewGuid(), worker);

        var spells = AgencyShare.Spells([Case(1, 5), Case(5, 8), Case(3, 6), Case(10, null), Case(12, 14)], byTeam: false);

        Assert.Equal([(new DateOnly(2026, 5, 1), (DateOnly?)new DateOnly(2026, 5, 8)), (new DateOnly(2026, 5, 10), null)],
            spells.Select(s => (s.Day, s.Until)).OrderBy(s => s.Day));
    }
}
