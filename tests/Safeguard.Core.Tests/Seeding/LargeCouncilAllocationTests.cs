using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding.Large;
using Safeguard.Core.Supervision;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Seeding;

/// <summary>A large seed big enough for a few dozen open cases (Scale 0.01: 10,000 contacts), into a database with the role rows.</summary>
public sealed class AllocatedLargeSeed : IAsyncLifetime
{
    public static readonly LargeSeedOptions Options = new() { Seed = 11, Scale = 0.01, EndDate = new DateOnly(2026, 3, 2) };

    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync();
        await SmallLargeSeed.CreateRolesAsync(Database);
        await new LargeCouncilSeeder().RunAsync(Database.Provider, Database.ConnectionString, Options);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>The large council's workforce, allocations and supervision, read back through EF on either provider.</summary>
public sealed class LargeCouncilAllocationTests(AllocatedLargeSeed seed) : IClassFixture<AllocatedLargeSeed>
{
    private static readonly DateOnly Today = AllocatedLargeSeed.Options.EndDate;
    private static DateTimeOffset Now => new(Today.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);

    private static async Task<HashSet<Guid>> SocialWorkersInTeamsAsync(Core.Data.SafeguardDbContext db) =>
        (await db.Users.Where(u => u.TeamId != null)
            .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u.Id, ur.RoleId })
            .Join(db.Roles.Where(r => r.Name == Roles.SocialWorker), x => x.RoleId, r => r.Id, (x, _) => x.Id)
            .ToListAsync()).ToHashSet();

    [Fact]
    public async Task EveryAllocatedReferral_HasExactlyOneOpenAllocation_HeldByASocialWorkerInATeam()
    {
        await using var db = seed.Database.CreateContext();
        var socialWorkers = await SocialWorkersInTeamsAsync(db);
        var workers = await db.Users.ToDictionaryAsync(u => u.Id);
        var referrals = await db.Referrals.ToDictionaryAsync(r => r.Id);
        var open = await db.CaseAllocations.Where(a => a.EndedAt == null).ToListAsync();
        var allocated = referrals.Values.Where(r => r.Status == ReferralStatus.Allocated).ToList();
        allocated.Count.ShouldBeGreaterThan(30);

        open.GroupBy(a => a.ReferralId).ShouldAllBe(g => g.Count() == 1);
        open.Select(a => a.ReferralId).ShouldBe(allocated.Select(r => r.Id), ignoreOrder: true);
        foreach (var allocation in open)
        {
            allocation.WorkerId.ShouldBe(referrals[allocation.ReferralId].AllocatedWorkerId!.Value);
            socialWorkers.ShouldContain(allocation.WorkerId);
            workers[allocation.WorkerId].TeamId.ShouldBe(allocation.TeamId);
            workers[allocation.WorkerId].ManagerId.ShouldBe(allocation.ManagerId);
            allocation.PersonId.ShouldBe(referrals[allocation.ReferralId].PersonId);
        }
        var awaiting = referrals.Values.Where(r => r.Status == ReferralStatus.AwaitingAllocation).Select(r => r.Id).ToList();
        awaiting.ShouldNotBeEmpty();
        (await db.CaseAllocations.CountAsync(a => awaiting.Contains(a.ReferralId))).ShouldBe(0);
    }

    [Fact]
    public async Task Allocations_RecordTheirDiscussion_AndTheirHistory_SoSomeChildrenHaveHadThreeWorkersInAYear()
    {
        await using var db = seed.Database.CreateContext();
        var all = await db.CaseAllocations.ToListAsync();
        all.ShouldAllBe(a => a.Risks.Length > 0 && a.DiscussedAt < a.AllocatedAt && a.ManagerId != a.WorkerId);
        all.Where(a => a.EndedAt != null).ShouldAllBe(a => a.EndReason != null && a.EndedAt > a.AllocatedAt);
        all.Where(a => a.PreviousAllocationId != null).ShouldAllBe(a => a.ReallocationReason != null);
        all.ShouldContain(a => a.ReallocationReason != null && a.ReallocationReason.StartsWith("Transferred"));
        ((double)all.Count(a => a.AcceptedAt != null) / all.Count).ShouldBeGreaterThan(0.9);

        var since = Now.AddMonths(-12);
        all.Where(a => a.EndedAt == null || a.EndedAt >= since).GroupBy(a => a.PersonId)
            .Count(g => g.Select(a => a.WorkerId).Distinct().Count() >= 3).ShouldBeGreaterThan(0);

        var events = await db.Events.Where(e => e.Type == CaseAllocated.Name).Select(e => e.SubjectId).ToListAsync();
        events.ShouldBe(all.Select(a => (Guid?)a.Id), ignoreOrder: true);
        (await db.Events.CountAsync(e => e.Type == AllocationEnded.Name)).ShouldBe(all.Count(a => a.EndedAt != null));
    }

    [Fact]
    public async Task OpenAllocations_LeaveTheirWorkOnTheWorkersTrays()
    {
        await using var db = seed.Database.CreateContext();
        var open = await db.CaseAllocations.Where(a => a.EndedAt == null).ToDictionaryAsync(a => a.Id);
        var work = await db.WorkItems.Where(w => w.ClosedAt == null).ToListAsync();

        foreach (var allocation in open.Values)
        {
            work.Count(w => w.Kind == WorkKind.CaseSupervision && w.SubjectId == allocation.Id && w.OwnerUserId == allocation.WorkerId).ShouldBe(1);
            work.Count(w => w.Kind == WorkKind.AcceptAllocation && w.SubjectId == allocation.Id).ShouldBe(allocation.AcceptedAt is null ? 1 : 0);
        }
        var byAllocation = work.Where(w => w.Kind is WorkKind.AgreedAction or WorkKind.AcceptAllocation or WorkKind.CaseSupervision).ToList();
        byAllocation.ShouldAllBe(w => open.ContainsKey(w.SubjectId) && w.OwnerUserId == open[w.SubjectId].WorkerId);
        work.Where(w => w.Kind == WorkKind.AgreedAction).ShouldAllBe(w => w.DueAt > Now.AddDays(-1));
        work.ShouldContain(w => w.Kind == WorkKind.AgreedAction);
        work.ShouldContain(w => w.Kind == WorkKind.AcceptAllocation);
        work.ShouldContain(w => w.Kind == WorkKind.CaseSupervision && w.DueAt < Now);
        work.ShouldContain(w => w.Kind == WorkKind.CaseSupervision && w.DueAt > Now);
        work.ShouldContain(w => w.Kind == WorkKind.PersonalSupervision && w.DueAt < Now);
        work.ShouldContain(w => w.Kind == WorkKind.Visit && w.DueAt < Now);

        // A leaver's cases are on their manager's tray, to reallocate before the leaving date.
        var users = await db.Users.ToDictionaryAsync(u => u.Id);
        var leaving = open.Values.Where(a => users[a.WorkerId].EmploymentEndsOn <= Today.AddDays(42)).ToList();
        leaving.ShouldNotBeEmpty();
        foreach (var allocation in leaving)
        {
            var item = work.Single(w => w.Kind == WorkKind.Reallocation && w.SubjectId == allocation.Id);
            item.OwnerUserId.ShouldBe(allocation.ManagerId);
            DateOnly.FromDateTime(item.DueAt.UtcDateTime).ShouldBeLessThan(users[allocation.WorkerId].EmploymentEndsOn!.Value);
        }
        work.Count(w => w.Kind == WorkKind.Reallocation).ShouldBe(leaving.Count);
    }

    [Fact]
    public async Task SupervisionRecords_AreOnTheCycle_CaseAndPersonal_HeldByTheWorkersManager()
    {
        await using var db = seed.Database.CreateContext();
        var records = await db.SupervisionRecords.ToListAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Id);
        records.ShouldContain(r => r.Kind == SupervisionKind.Case);
        records.ShouldContain(r => r.Kind == SupervisionKind.Personal);
        records.Where(r => r.HeldAt >= Now || r.HeldAt < Now.AddMonths(-7)).Select(r => r.HeldAt).ShouldBeEmpty();
        records.Where(r => users[r.WorkerId].ManagerId != r.SupervisorId)
            .Select(r => $"{users[r.WorkerId].DisplayName} {users[r.WorkerId].ManagerId} {r.SupervisorId}").ShouldBeEmpty();
        records.Where(r => r.Kind == SupervisionKind.Case)
            .ShouldAllBe(r => r.AllocationId != null && r.PersonId != null && r.Reflection != null && r.RiskAnalysis != null && r.Decisions != null);
        records.Where(r => r.Kind == SupervisionKind.Personal).ShouldAllBe(r => r.PersonId == null && r.Wellbeing != null);
        (await db.Events.CountAsync(e => e.Type == SupervisionRecorded.Name)).ShouldBe(records.Count);
    }

    [Fact]
    public async Task StaffRecords_HaveAgencyWorkers_Leavers_NewlyQualified_AndTrainingExpiringOnSpreadDates()
    {
        await using var db = seed.Database.CreateContext();
        var socialWorkers = await SocialWorkersInTeamsAsync(db);
        var workers = await db.Users.Where(u => socialWorkers.Contains(u.Id)).ToListAsync();
        var managers = await db.Users.Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u, ur.RoleId })
            .Join(db.Roles.Where(r => r.Name == Roles.TeamManager), x => x.RoleId, r => r.Id, (x, _) => x.u).ToListAsync();

        workers.ShouldAllBe(w => w.IsQualified && w.Employment != null && w.EmploymentStartsOn != null && w.RegistrationRenewsOn != null);
        ((double)workers.Count(w => w.Employment == EmploymentKind.Agency) / workers.Count).ShouldBeInRange(0.2, 0.45);
        workers.Where(w => w.Employment == EmploymentKind.Agency).ShouldAllBe(w => w.EmploymentEndsOn != null);
        workers.ShouldContain(w => w.Employment == EmploymentKind.Permanent && w.EmploymentEndsOn > Today && w.EmploymentEndsOn <= Today.AddDays(42));
        workers.ShouldContain(w => CompetenceRules.IsNewlyQualifiedOn(w.PracticeStartedOn, Today));
        workers.ShouldContain(w => w.FullTimeEquivalent < 1.0);
        workers.ShouldContain(w => w.RegistrationRenewsOn >= Today && w.RegistrationRenewsOn <= Today.AddDays(30));
        foreach (var worker in workers)
        {
            worker.ManagerId.ShouldBe(managers.Single(m => m.TeamId == worker.TeamId).Id);
        }

        var training = await db.TrainingRecords.ToListAsync();
        training.ShouldContain(t => t.ExpiresOn >= Today && t.ExpiresOn <= Today.AddDays(30));
        training.ShouldContain(t => t.ExpiresOn < Today);
        training.Count(t => t.Kind == TrainingKind.ChildProtectionSection47 && t.IsCurrentOn(Today)).ShouldBeGreaterThan(50);
        (await db.StaffAbsences.CountAsync()).ShouldBeGreaterThan(0);
    }
}
