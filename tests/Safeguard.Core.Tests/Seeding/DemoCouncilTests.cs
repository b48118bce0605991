using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Core.Supervision;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Seeding;

/// <summary>The demo council, seeded once on a Monday morning (as the web tests seed it), read by the tests of this class.</summary>
public sealed class SeededDemoCouncil : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public TestDatabase Database { get; private set; } = null!;

    public DateOnly Today => TimeLimits.UkDay(Time.GetUtcNow());

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSafeguardCore(Database.Provider, Database.ConnectionString);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<DemoCouncil>().SeedIfEmptyAsync()).ShouldBeTrue();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class DemoCouncilTests(SeededDemoCouncil demo) : IClassFixture<SeededDemoCouncil>
{
    private const string Domain = "@northbridge.example";

    private async Task<List<(StaffUser User, string Role)>> StaffAsync(Core.Data.SafeguardDbContext db) =>
        (await db.Users.Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u, ur.RoleId })
            .Join(db.Roles, x => x.RoleId, r => r.Id, (x, r) => new { x.u, r.Name }).ToListAsync())
        .Select(x => (x.u, x.Name!)).ToList();

    private async Task<WorkerCompetence> CompetenceAsync(Core.Data.SafeguardDbContext db, string email)
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return WorkerCompetence.Of(user, await db.TrainingRecords.Where(t => t.UserId == user.Id).ToListAsync());
    }

    [Fact]
    public async Task EverySocialWorkerAndManager_HasAStaffRecord_AndSocialWorkersAreManagedByTheirTeamManager()
    {
        await using var db = demo.Database.CreateContext();
        var staff = await StaffAsync(db);
        var caseHolders = staff.Where(s => s.Role is Roles.SocialWorker or Roles.TeamManager).ToList();
        caseHolders.Count.ShouldBeGreaterThan(10);
        foreach (var (user, _) in caseHolders)
        {
            Registration.Normalise(user.SocialWorkEnglandNumber).ShouldBe(user.SocialWorkEnglandNumber, user.Email);
            user.RegistrationRenewsOn.ShouldNotBeNull(user.Email);
            user.IsQualified.ShouldBeTrue(user.Email);
            user.PracticeStartedOn.ShouldNotBeNull(user.Email);
            user.Employment.ShouldNotBeNull(user.Email);
            user.EmploymentStartsOn.ShouldNotBeNull(user.Email);
            user.ManagerId.ShouldNotBeNull(user.Email);
        }
        caseHolders.Select(s => s.User.SocialWorkEnglandNumber).Distinct().Count().ShouldBe(caseHolders.Count);
        var managers = staff.Where(s => s.Role == Roles.TeamManager).ToDictionary(s => s.User.TeamId!.Value, s => s.User.Id);
        foreach (var (worker, _) in staff.Where(s => s.Role == Roles.SocialWorker))
        {
            worker.ManagerId.ShouldBe(managers[worker.TeamId!.Value], worker.Email);
        }
    }

    [Fact]
    public async Task TheWorkforce_HasNewlyQualified_Agency_PartTime_Leaving_Lapsing_AndAwayNextWeek()
    {
        await using var db = demo.Database.CreateContext();
        var today = demo.Today;
        var workers = (await StaffAsync(db)).Where(s => s.Role == Roles.SocialWorker).Select(s => s.User).ToList();
        workers.ShouldContain(w => CompetenceRules.IsNewlyQualifiedOn(w.PracticeStartedOn, today));
        workers.Count(w => w.Employment == EmploymentKind.Agency && w.EmploymentEndsOn > today).ShouldBeGreaterThanOrEqualTo(2);
        workers.ShouldContain(w => w.FullTimeEquivalent == 0.6);
        workers.ShouldContain(w => w.EmploymentEndsOn == today.AddDays(14) && w.Employment == EmploymentKind.Permanent);
        workers.ShouldContain(w => w.RegistrationRenewsOn >= today && w.RegistrationRenewsOn <= today.AddDays(30));
        (await db.TrainingRecords.AnyAsync(t => t.ExpiresOn >= today && t.ExpiresOn <= today.AddDays(30))).ShouldBeTrue();

        var monday = DemoStaff.NextMonday(today);
        monday.ShouldBe(new DateOnly(2026, 3, 9));
        (await db.StaffAbsences.AnyAsync(a => a.Kind == AbsenceKind.AnnualLeave && a.From == monday && a.To == monday.AddDays(4))).ShouldBeTrue();

        foreach (var team in new[] { DemoAccounts.AssessmentTeam, DemoAccounts.ChildProtectionTeam })
        {
            var teamId = await db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync();
            workers.Count(w => w.TeamId == teamId).ShouldBeInRange(4, 6, team);
        }
    }

    [Fact]
    public async Task GraceLee_MayHoldChildProtectionWork_AndSamOkafor_IsRefusedItForWantOfTraining()
    {
        await using var db = demo.Database.CreateContext();

        CompetenceRules.Check(await CompetenceAsync(db, "grace.lee" + Domain), CaseKind.ChildProtection, demo.Today).ShouldBeEmpty();
        var refused = CompetenceRules.Check(await CompetenceAsync(db, "sam.okafor" + Domain), CaseKind.ChildProtection, demo.Today);
        refused.ShouldNotBeEmpty();
        refused.ShouldAllBe(r => r.Contains("training"));
        // He may still hold the cases he has (a child looked after, child in need work).
        CompetenceRules.Check(await CompetenceAsync(db, "sam.okafor" + Domain), CaseKind.LookedAfter, demo.Today).ShouldBeEmpty();
        CompetenceRules.Check(await CompetenceAsync(db, "sam.okafor" + Domain), CaseKind.ChildInNeed, demo.Today).ShouldBeEmpty();
    }

    [Fact]
    public async Task MartinHughesTeam_HasAReferralAwaitingAllocation_OnItsTray()
    {
        await using var db = demo.Database.CreateContext();
        var martin = await db.Users.SingleAsync(u => u.Email == "martin.hughes" + Domain);
        var waiting = await db.Referrals.Where(r => r.Status == ReferralStatus.AwaitingAllocation && r.TeamId == martin.TeamId).ToListAsync();
        waiting.ShouldNotBeEmpty();
        foreach (var referral in waiting)
        {
            (await db.WorkItems.CountAsync(w => w.Kind == WorkKind.Allocation && w.SubjectId == referral.Id && w.ClosedAt == null)).ShouldBe(1);
            (await db.CaseAllocations.AnyAsync(a => a.ReferralId == referral.Id)).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task EveryContactDecidedForAReferralOrAStrategyDiscussion_HasItsReferral_AndAStrategyDiscussionHasItsOpenWork()
    {
        await using var db = demo.Database.CreateContext();
        var decided = await db.Contacts
            .Where(c => c.Outcome == ScreeningOutcome.ReferralToSocialCare || c.Outcome == ScreeningOutcome.StrategyDiscussion)
            .Select(c => new { c.Id, c.Reference, c.Outcome }).ToListAsync();
        decided.ShouldContain(c => c.Outcome == ScreeningOutcome.StrategyDiscussion);
        foreach (var contact in decided)
        {
            var referrals = await db.Referrals.Where(r => r.ContactId == contact.Id).ToListAsync();
            referrals.ShouldNotBeEmpty(contact.Reference);
            if (contact.Outcome != ScreeningOutcome.StrategyDiscussion) continue;
            var team = await db.Teams.SingleAsync(t => t.Id == referrals[0].TeamId);
            team.Kind.ShouldBe(TeamKind.ChildProtection, contact.Reference);
            (await db.WorkItems.CountAsync(w => w.Kind == WorkKind.StrategyDiscussion && w.SubjectId == referrals[0].Id && w.ClosedAt == null))
                .ShouldBe(1, contact.Reference);
            (await db.WorkItems.CountAsync(w => w.Kind == WorkKind.Allocation && w.SubjectId == referrals[0].Id && w.ClosedAt == null))
                .ShouldBe(1, contact.Reference);
        }
    }

    [Fact]
    public async Task EveryAllocatedReferral_HasExactlyOneOpenAllocation_ToASocialWorkerInATeam_WithItsEventsAndNextSupervision()
    {
        await using var db = demo.Database.CreateContext();
        var socialWorkers = (await StaffAsync(db)).Where(s => s.Role == Roles.SocialWorker && s.User.TeamId != null).Select(s => s.User.Id).ToHashSet();
        var allocated = await db.Referrals.Where(r => r.Status == ReferralStatus.Allocated).ToListAsync();
        allocated.Count.ShouldBeGreaterThanOrEqualTo(9);
        var allocations = await db.CaseAllocations.ToListAsync();
        foreach (var referral in allocated)
        {
            var open = allocations.Where(a => a.ReferralId == referral.Id && a.EndedAt == null).ShouldHaveSingleItem();
            open.WorkerId.ShouldBe(referral.AllocatedWorkerId!.Value);
            socialWorkers.ShouldContain(open.WorkerId);
            open.ManagerId.ShouldNotBe(open.WorkerId);
            open.Risks.ShouldNotBeNullOrWhiteSpace();
            (await db.WorkItems.CountAsync(w => w.Kind == WorkKind.CaseSupervision && w.SubjectId == open.Id && w.ClosedAt == null
                && w.OwnerUserId == open.WorkerId)).ShouldBe(1);
        }
        allocations.Where(a => a.EndedAt != null).ShouldAllBe(a => a.EndReason != null && a.EndedAt > a.AllocatedAt);
        allocations.Where(a => a.PreviousAllocationId != null).ShouldAllBe(a => a.ReallocationReason != null);
        var allocatedEvents = await db.Events.Where(e => e.Type == CaseAllocated.Name).Select(e => e.SubjectId).ToListAsync();
        allocatedEvents.ShouldBe(allocations.Select(a => (Guid?)a.Id), ignoreOrder: true);
        (await db.Events.CountAsync(e => e.Type == AllocationEnded.Name)).ShouldBe(allocations.Count(a => a.EndedAt != null));
        (await db.Events.CountAsync(e => e.Type == AllocationAccepted.Name)).ShouldBe(allocations.Count(a => a.AcceptedAt != null));
    }

    [Fact]
    public async Task OneAllocation_IsNotYetAccepted_AndWaitsOnItsWorkersTray()
    {
        await using var db = demo.Database.CreateContext();
        var waiting = await db.CaseAllocations.Where(a => a.EndedAt == null && a.AcceptedAt == null).ToListAsync();
        var allocation = waiting.ShouldHaveSingleItem();
        var item = await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.AcceptAllocation && w.SubjectId == allocation.Id && w.ClosedAt == null);
        item.OwnerUserId.ShouldBe(allocation.WorkerId);
        item.DueAt.ShouldBeGreaterThan(demo.Time.GetUtcNow());
        (await db.WorkItems.CountAsync(w => w.Kind == WorkKind.AcceptAllocation)).ShouldBe(1);
    }

    [Fact]
    public async Task AChild_HasHadThreeOrMoreWorkersInTwelveMonths()
    {
        await using var db = demo.Database.CreateContext();
        var since = demo.Time.GetUtcNow().AddMonths(-12);
        var spells = await db.CaseAllocations.Where(a => a.EndedAt == null || a.EndedAt >= since)
            .Select(a => new { a.PersonId, a.WorkerId }).ToListAsync();
        spells.GroupBy(s => s.PersonId).Where(g => g.Select(s => s.WorkerId).Distinct().Count() >= 3).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task AgreedActionsStillToDo_AreOnTheWorkersTrays_AndSupervisionIsRecordedAndSometimesOverdue()
    {
        await using var db = demo.Database.CreateContext();
        var now = demo.Time.GetUtcNow();
        var open = await db.CaseAllocations.Where(a => a.EndedAt == null).ToDictionaryAsync(a => a.Id);
        var actions = await db.WorkItems.Where(w => w.Kind == WorkKind.AgreedAction && w.ClosedAt == null).ToListAsync();
        actions.ShouldNotBeEmpty();
        actions.ShouldAllBe(w => open.ContainsKey(w.SubjectId) && w.OwnerUserId == open[w.SubjectId].WorkerId && w.DueAt > now);

        var records = await db.SupervisionRecords.ToListAsync();
        records.ShouldContain(r => r.Kind == SupervisionKind.Case && r.AllocationId != null && r.Reflection != null && r.RiskAnalysis != null);
        records.ShouldContain(r => r.Kind == SupervisionKind.Personal && r.Wellbeing != null && r.PersonId == null);
        records.ShouldAllBe(r => r.HeldAt < now && r.SupervisorId != r.WorkerId);
        (await db.Events.CountAsync(e => e.Type == SupervisionRecorded.Name)).ShouldBe(records.Count);

        var supervision = await db.WorkItems.Where(w => w.ClosedAt == null
            && (w.Kind == WorkKind.CaseSupervision || w.Kind == WorkKind.PersonalSupervision)).ToListAsync();
        supervision.ShouldContain(w => w.DueAt < now);
        supervision.ShouldContain(w => w.DueAt > now);
        supervision.ShouldAllBe(w => w.OwnerUserId != null);
    }

    [Fact]
    public async Task TheLeaversCases_AreOnTheirManagersTray_ToReallocateBeforeTheLeavingDate()
    {
        await using var db = demo.Database.CreateContext();
        var leaver = await db.Users.SingleAsync(u => u.Email == "michael.obrien" + Domain);
        var cases = await db.CaseAllocations.Where(a => a.WorkerId == leaver.Id && a.EndedAt == null).ToListAsync();
        cases.ShouldNotBeEmpty();
        foreach (var allocation in cases)
        {
            var item = await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.Reallocation && w.SubjectId == allocation.Id && w.ClosedAt == null);
            item.OwnerUserId.ShouldBe(leaver.ManagerId);
            TimeLimits.UkDay(item.DueAt).ShouldBeLessThan(leaver.EmploymentEndsOn!.Value);
        }
    }
}
