using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.AnnexA;
using Safeguard.Core.Security;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Returning;

/// <summary>
/// Annex A exports run in the background on a real database of either provider: one asked for runs once and keeps its
/// workbook for its requester alone; one left by a process that died is started again; old workbooks are cleared out.
/// </summary>
public sealed class AnnexAJobTests : IAsyncLifetime
{
    private static readonly ReturnPeriod Period = new(new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 4, 2, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private Actor _analyst = default!;
    private Actor _manager = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            var team = (await TestData.CreateCouncilAsync(db)).Assessment.Id;
            var analyst = await AllocationTestData.StaffAsync(db, "Nina Patel", Roles.PerformanceAnalyst, team);
            var manager = await AllocationTestData.StaffAsync(db, "Helen Price", Roles.ServiceManager, team);
            _analyst = new Actor(analyst.Id, analyst.DisplayName);
            _manager = new Actor(manager.Id, manager.DisplayName);
            var child = new Person("Maya", "Green", new DateOnly(2017, 4, 2), Sex.Female) { LocalChildId = "NB1" };
            db.People.Add(child);
            db.Referrals.Add(new Referral(child.Id, null, new DateOnly(2025, 10, 1), "2A", team));
            await db.SaveChangesAsync();
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSafeguardCore(_database.Provider, _database.ConnectionString);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A scope acting as <paramref name="actor"/>, as a signed-in request or the background runner is.</summary>
    private async Task<T> AsAsync<T>(Actor actor, Func<AnnexAJobs, Task<T>> act)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().ActingAs = actor;
        return await act(scope.ServiceProvider.GetRequiredService<AnnexAJobs>());
    }

    private Task<bool> RunNextAsync() => AsAsync(Actor.System, jobs => jobs.RunNextAsync());

    [Fact]
    public async Task AnExportAskedFor_RunsOnce_AndKeepsItsWorkbookForItsRequesterAlone()
    {
        var id = await AsAsync(_analyst, jobs => jobs.StartAsync(Period));
        (await AsAsync(_analyst, jobs => jobs.StartAsync(Period))).ShouldBe(id, "asked again while it waits: the same export");
        (await AsAsync(_analyst, jobs => jobs.FindAsync(id)))!.Status.ShouldBe(AnnexAJobStatus.Waiting);

        (await RunNextAsync()).ShouldBeTrue();
        (await RunNextAsync()).ShouldBeFalse("nothing else was waiting");

        var job = (await AsAsync(_analyst, jobs => jobs.FindAsync(id)))!;
        job.Status.ShouldBe(AnnexAJobStatus.Ready);
        job.Rows.ShouldBe(2, "the referral on list 3 and the child in need on list 6");
        job.Progress.ShouldBe("Ready: 2 rows in all");
        (await AsAsync(_manager, jobs => jobs.FindAsync(id))).ShouldBeNull();
        (await AsAsync(_manager, jobs => jobs.DownloadAsync(id))).ShouldBeNull();
        var (_, workbook) = (await AsAsync(_analyst, jobs => jobs.DownloadAsync(id)))!.Value;
        using (var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false))
        {
            document.WorkbookPart!.WorksheetParts.Count().ShouldBe(7);
        }
        await using var read = _database.CreateContext();
        (await read.Events.Where(e => e.Type == AnnexAExported.Name).Select(e => e.ActorUserId).ToListAsync()).ShouldBe([_analyst.UserId]);
        (await read.Events.Where(e => e.Type == AnnexADownloaded.Name).Select(e => e.ActorUserId).ToListAsync()).ShouldBe([_analyst.UserId]);
    }

    [Fact]
    public async Task AnExportWhoseProcessDied_IsStartedAgain_OnceItsHeartbeatHasStopped()
    {
        var id = await AsAsync(_analyst, jobs => jobs.StartAsync(Period));
        await using (var db = _database.CreateContext(_time))
        {
            // Claimed by a process that then died: running, with its last heartbeat now.
            var now = _time.GetUtcNow();
            await db.AnnexAJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, AnnexAJobStatus.Running)
                .SetProperty(j => j.HeartbeatAt, now).SetProperty(j => j.CurrentList, "List 3").SetProperty(j => j.CurrentRows, 1));
        }
        (await AsAsync(_analyst, jobs => jobs.FindAsync(id)))!.Progress.ShouldBe("Writing List 3: 1 rows so far");

        _time.Advance(AnnexAJobs.StalledAfter - TimeSpan.FromSeconds(1));
        (await RunNextAsync()).ShouldBeFalse("its heartbeat is still fresh: another process may be running it");

        _time.Advance(TimeSpan.FromSeconds(2));
        (await RunNextAsync()).ShouldBeTrue();
        (await AsAsync(_analyst, jobs => jobs.FindAsync(id)))!.Status.ShouldBe(AnnexAJobStatus.Ready);
    }

    [Fact]
    public async Task AFinishedExport_IsClearedOut_ADayAfterItFinished()
    {
        var id = await AsAsync(_analyst, jobs => jobs.StartAsync(Period));
        await RunNextAsync();

        _time.Advance(AnnexAJobs.KeptFor - TimeSpan.FromMinutes(1));
        await RunNextAsync();
        (await AsAsync(_analyst, jobs => jobs.FindAsync(id))).ShouldNotBeNull();

        _time.Advance(TimeSpan.FromMinutes(2));
        await RunNextAsync();
        (await AsAsync(_analyst, jobs => jobs.FindAsync(id))).ShouldBeNull();
    }
}
