using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;
using static Safeguard.Core.Tests.CaseloadQueries.CaseloadData;

namespace Safeguard.Core.Tests.CaseloadQueries;

/// <summary>Weighted caseloads by team and across the service: what a case counts as, capacity, who is listed, agency share.</summary>
public sealed class CaseloadsTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private DateTimeOffset Now => _time.GetUtcNow();
    private static readonly CaseloadSettings Settings = new();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private static Core.Allocation.Caseloads Loads(Core.Data.SafeguardDbContext db) => new(db, Options.Create(Settings));

    [Fact]
    public async Task ACase_CountsByWhatItIsNow_CourtAsAllocated_ProtectionOverLookedAfter_EndedOnesNotAtAll()
    {
        await using var db = _database.CreateContext(_time);
        var (team, _, _, _) = await TestData.CreateCouncilAsync(db);
        var worker = await WorkerAsync(db, "Wendy Weights", team.Id);
        var inNeed = await ChildAsync(db, "Ivy");
        var onPlan = await ChildAsync(db, "Pia");
        var inCare = await ChildAsync(db, "Cal");
        var inCareAndOnPlan = await ChildAsync(db, "Bea");
        var court = await ChildAsync(db, "Cora");
        var planEnded = await ChildAsync(db, "Ena");
        var ended = await ChildAsync(db, "Otto");
        var day = new DateOnly(2026, 1, 5);
        foreach (var child in new[] { inNeed, onPlan, inCare, inCareAndOnPlan, court, planEnded })
        {
            await AllocateAsync(db, child, worker, Now.AddDays(-30), child == court ? CaseKind.Court : CaseKind.ChildInNeed);
        }
        await AllocateAsync(db, ended, worker, Now.AddDays(-60), endedAt: Now.AddDays(-1));
        var referral = db.Referrals.First().Id;
        db.ChildPlans.Add(new ChildPlan(referral, onPlan.Id, PlanKind.ChildProtection, day, "Neglect"));
        db.ChildPlans.Add(new ChildPlan(referral, court.Id, PlanKind.ChildProtection, day, "Neglect"));
        db.ChildPlans.Add(new ChildPlan(referral, planEnded.Id, PlanKind.ChildProtection, day, "Neglect") { EndedOn = day.AddDays(20) });
        db.ChildPlans.Add(new ChildPlan(referral, inNeed.Id, PlanKind.ChildInNeed, day, null));
        db.LookedAfterPeriods.Add(new LookedAfterPeriod(inCare.Id, day, LookedAfterLegalStatus.CareOrder));
        db.LookedAfterPeriods.Add(new LookedAfterPeriod(inCareAndOnPlan.Id, day, LookedAfterLegalStatus.CareOrder));
        db.Section47Enquiries.Add(new Section47Enquiry(inCareAndOnPlan.Id, referral, day));
        await db.SaveChangesAsync();

        var load = (await Loads(db).ForTeamAsync(team.Id)).Single();
        var cases = await Loads(db).OpenCasesAsync([worker.Id]);

        load.Cases.ShouldBe(6);
        load.ChildProtectionCases.ShouldBe(2);
        // child in need ×2 (Ivy, Ena) + child protection ×2 (Pia, Bea) + looked after (Cal) + court (Cora)
        load.WeightedLoad.ShouldBe(1.0 + 1.0 + 1.5 + 1.5 + 1.25 + 2.0);
        load.Capacity.ShouldBe(20);
        load.PercentOfCapacity.ShouldBe(41);
        cases.Single(c => c.PersonId == court.Id).Kind.ShouldBe(CaseKind.Court);
        cases.Single(c => c.PersonId == inCareAndOnPlan.Id).Kind.ShouldBe(CaseKind.ChildProtection);
        cases.Single(c => c.PersonId == planEnded.Id).Kind.ShouldBe(CaseKind.ChildInNeed);
        cases.ShouldNotContain(c => c.PersonId == ended.Id);
    }

    [Fact]
    public async Task WhatACaseCountsAs_FollowsThePlanAsItStartsAndEnds_InTheSameTransactionAsTheChange()
    {
        Guid worker, child;
        ChildPlan plan;
        await using (var db = _database.CreateContext(_time))
        {
            var (team, _, _, _) = await TestData.CreateCouncilAsync(db);
            worker = (await WorkerAsync(db, "Fern Follow", team.Id)).Id;
            var person = await ChildAsync(db, "Pip");
            child = person.Id;
            await AllocateAsync(db, person, await db.Users.FindAsync(worker) ?? throw new InvalidOperationException(), Now.AddDays(-10));
            plan = new ChildPlan(db.Referrals.First().Id, child, PlanKind.ChildProtection, new DateOnly(2026, 2, 1), "Neglect");
            db.ChildPlans.Add(plan);

            // A caller's own transaction, rolled back: the kind it would have moved to goes with it.
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await db.SaveChangesAsync();
                (await KindOfAsync(db, child)).ShouldBe(CaseKind.ChildProtection);
                await transaction.RollbackAsync();
            }
            (await KindOfAsync(db, child)).ShouldBe(CaseKind.ChildInNeed);
            db.ChangeTracker.Clear();
            db.ChildPlans.Add(plan);
            await db.SaveChangesAsync();
        }
        await using (var db = _database.CreateContext(_time))
        {
            (await KindOfAsync(db, child)).ShouldBe(CaseKind.ChildProtection);
            var saved = await db.ChildPlans.SingleAsync(p => p.PersonId == child);
            saved.EndedOn = new DateOnly(2026, 3, 1);
            await db.SaveChangesAsync();
            (await KindOfAsync(db, child)).ShouldBe(CaseKind.ChildInNeed);
            (await Loads(db).ForWorkersAsync([worker])).Single().ChildProtectionCases.ShouldBe(0);
        }
    }

    private static Task<CaseKind> KindOfAsync(SafeguardDbContext db, Guid child) =>
        db.CaseAllocations.AsNoTracking().Where(a => a.PersonId == child && a.EndedAt == null).Select(a => a.CountsAs).SingleAsync();

    [Fact]
    public async Task Capacity_FollowsFullTimeEquivalent_AndIsProtectedInTheFirstYearInPractice()
    {
        await using var db = _database.CreateContext(_time);
        var (team, _, _, _) = await TestData.CreateCouncilAsync(db);
        var today = TimeLimits.UkDay(Now);
        var partTime = await WorkerAsync(db, "Anna Part", team.Id, fte: 0.6);
        var newlyQualified = await WorkerAsync(db, "Ben New", team.Id, practiceStarted: today.AddMonths(-11));
        var newAndPartTime = await WorkerAsync(db, "Cat New", team.Id, fte: 0.5, practiceStarted: today.AddMonths(-2));
        var oneYearIn = await WorkerAsync(db, "Dan Year", team.Id, practiceStarted: today.AddMonths(-12));
        var child = await ChildAsync(db, "Fay");
        await AllocateAsync(db, child, newAndPartTime, Now.AddDays(-3), CaseKind.Court);

        var loads = (await Loads(db).ForTeamAsync(team.Id)).ToDictionary(l => l.WorkerId);

        loads[partTime.Id].Capacity.ShouldBe(12);
        loads[partTime.Id].NewlyQualified.ShouldBeFalse();
        loads[newlyQualified.Id].Capacity.ShouldBe(16);
        loads[newlyQualified.Id].NewlyQualified.ShouldBeTrue();
        loads[newAndPartTime.Id].Capacity.ShouldBe(8);
        loads[newAndPartTime.Id].PercentOfCapacity.ShouldBe(25);
        loads[oneYearIn.Id].Capacity.ShouldBe(20, "the protected year ends on the anniversary");
        loads[oneYearIn.Id].NewlyQualified.ShouldBeFalse();
    }

    [Fact]
    public async Task ATeamsPage_ListsItsSocialWorkers_AndAnyoneElseInItHoldingACase_AndNobodyElse()
    {
        await using var db = _database.CreateContext(_time);
        var (team, other, _, _) = await TestData.CreateCouncilAsync(db);
        var idle = await WorkerAsync(db, "Ida Idle", team.Id);
        var managerWithCase = await WorkerAsync(db, "Mia Manager", team.Id, Roles.TeamManager);
        var managerWithout = await WorkerAsync(db, "Max Manager", team.Id, Roles.TeamManager);
        var disabled = await WorkerAsync(db, "Dee Gone", team.Id, disabled: true);
        var elsewhere = await WorkerAsync(db, "Eli Elsewhere", other.Id);
        await AllocateAsync(db, await ChildAsync(db, "Hal"), managerWithCase, Now.AddDays(-2));
        await AllocateAsync(db, await ChildAsync(db, "Ola"), elsewhere, Now.AddDays(-2));

        var names = (await Loads(db).ForTeamAsync(team.Id)).Select(l => l.Name).ToList();

        names.ShouldBe([idle.DisplayName, managerWithCase.DisplayName]);
        names.ShouldNotContain(managerWithout.DisplayName);
        names.ShouldNotContain(disabled.DisplayName);
    }

    [Fact]
    public async Task OverdueVisitsAndSupervision_AreCountedForTheWorkerHoldingThem()
    {
        await using var db = _database.CreateContext(_time);
        var (team, _, _, _) = await TestData.CreateCouncilAsync(db);
        var worker = await WorkerAsync(db, "Oona Overdue", team.Id);
        var colleague = await WorkerAsync(db, "Pat Punctual", team.Id);
        void Item(WorkKind kind, Guid owner, TimeSpan dueIn)
        {
            var item = new WorkItem(kind, Guid.NewGuid(), kind.ToString(), team.Id, Priority.Standard, Now.AddDays(-20), Now + dueIn);
            item.AssignTo(team.Id, owner);
            db.WorkItems.Add(item);
        }
        Item(WorkKind.Visit, worker.Id, TimeSpan.FromHours(-1));
        Item(WorkKind.Visit, worker.Id, TimeSpan.FromDays(-3));
        Item(WorkKind.Visit, worker.Id, TimeSpan.FromHours(2));
        Item(WorkKind.CaseSupervision, worker.Id, TimeSpan.FromDays(-1));
        Item(WorkKind.PersonalSupervision, worker.Id, TimeSpan.FromDays(-1));
        Item(WorkKind.Assessment, worker.Id, TimeSpan.FromDays(-1));
        Item(WorkKind.Visit, colleague.Id, TimeSpan.FromHours(1));
        await db.SaveChangesAsync();

        var loads = (await Loads(db).ForTeamAsync(team.Id)).ToDictionary(l => l.WorkerId);

        loads[worker.Id].OverdueVisits.ShouldBe(2);
        loads[worker.Id].OverdueSupervision.ShouldBe(2);
        loads[colleague.Id].OverdueVisits.ShouldBe(0);
    }

    [Fact]
    public async Task TheServicePage_AddsUpEachTeam_AndCountsAgencyWorkersAmongThoseHoldingCases()
    {
        await using var db = _database.CreateContext(_time);
        var (team, other, _, _) = await TestData.CreateCouncilAsync(db);
        var permanent = await WorkerAsync(db, "Perm One", team.Id);
        var permanentToo = await WorkerAsync(db, "Perm Two", team.Id);
        var agency = await WorkerAsync(db, "Agnes Agency", team.Id, employment: EmploymentKind.Agency);
        await WorkerAsync(db, "Idle Agency", team.Id, employment: EmploymentKind.Agency); // holds nothing: not in the share
        var otherAgency = await WorkerAsync(db, "Otto Agency", other.Id, employment: EmploymentKind.Agency);
        foreach (var (worker, n) in new[] { (permanent, 2), (permanentToo, 1), (agency, 1), (otherAgency, 3) })
        {
            for (var i = 0; i < n; i++) await AllocateAsync(db, await ChildAsync(db, $"Kid{n}{i}", worker.DisplayName.Replace(" ", "")), worker, Now.AddDays(-5));
        }

        var service = await Loads(db).ForServiceAsync();

        var first = service.Teams.Single(t => t.TeamId == team.Id);
        first.Workers.ShouldBe(4);
        first.Cases.ShouldBe(4);
        first.WeightedLoad.ShouldBe(4);
        first.Capacity.ShouldBe(80);
        first.PercentOfCapacity.ShouldBe(5);
        first.WorkersHoldingCases.ShouldBe(3);
        first.AgencyWorkersHoldingCases.ShouldBe(1);
        first.AgencySharePercent.ShouldBe(33);
        service.Teams.Single(t => t.TeamId == other.Id).AgencySharePercent.ShouldBe(100);
        service.Service.Cases.ShouldBe(7);
        service.Service.WorkersHoldingCases.ShouldBe(4);
        service.Service.AgencySharePercent.ShouldBe(50);
        service.Teams.ShouldNotContain(t => t.Workers == 0, "teams with nobody holding or able to hold cases are left out");
    }

    [Fact]
    public async Task NobodyHoldingCases_HasNoAgencyShare_AndNoLoad()
    {
        var summary = CaseloadSummary.Of(null, "Empty", []);

        summary.AgencySharePercent.ShouldBeNull();
        summary.PercentOfCapacity.ShouldBe(0);
    }
}
