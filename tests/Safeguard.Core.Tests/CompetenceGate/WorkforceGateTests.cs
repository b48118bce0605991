using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Oversight;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.CompetenceGate;

/// <summary>Competence lapses, leavers and the refusal to disable an account holding cases, on a real database.</summary>
public sealed class WorkforceGateTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;

    // Wednesday 4 March 2026, 10:00 UK time (GMT).
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Today = new(2026, 3, 4);
    private Guid _team;
    private Guid _manager;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSafeguardCore(_database.Provider, _database.ConnectionString);
        _services = services.BuildServiceProvider();
        await using var db = Db();
        _team = (await TestData.CreateCouncilAsync(db)).Assessment.Id;
        foreach (var role in Roles.All) db.Roles.Add(new StaffRole(role));
        await db.SaveChangesAsync();
        _manager = await UserAsync(db, "Martin Hughes", Roles.TeamManager);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private SafeguardDbContext Db() => _database.CreateContext(_time);

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<LapseResult> SweepLapsesAsync() => InScopeAsync(s => s.GetRequiredService<CompetenceLapses>().RunAsync());

    private async Task<Guid> UserAsync(SafeguardDbContext db, string name, string role, Action<StaffUser>? shape = null)
    {
        var email = name.Replace(" ", ".").ToLowerInvariant() + "@council.example";
        var user = new StaffUser
        {
            Id = NewId.Next(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), DisplayName = name, TeamId = _team, ConcurrencyStamp = Guid.NewGuid().ToString(),
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        shape?.Invoke(user);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>A registered, qualified, experienced worker with current child protection training.</summary>
    private async Task<Guid> WorkerAsync(DateOnly? renewsOn = null, DateOnly? trainingExpiresOn = null, string name = "Sam Okafor")
    {
        await using var db = Db();
        var id = await UserAsync(db, name, Roles.SocialWorker, u =>
        {
            u.SocialWorkEnglandNumber = "SW123456";
            u.RegistrationRenewsOn = renewsOn ?? Today.AddYears(1);
            u.IsQualified = true;
            u.PracticeStartedOn = new DateOnly(2020, 9, 1);
            u.Employment = EmploymentKind.Permanent;
            u.ManagerId = _manager;
        });
        db.TrainingRecords.Add(new TrainingRecord(id, TrainingKind.ChildProtectionSection47, new DateOnly(2025, 1, 10), trainingExpiresOn ?? Today.AddYears(1)));
        db.TrainingRecords.Add(new TrainingRecord(id, TrainingKind.ChildProtectionPlans, new DateOnly(2025, 1, 10), Today.AddYears(1)));
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A case held by <paramref name="workerId"/>: child in need, or child protection (an open section 47 enquiry).</summary>
    private async Task<CaseAllocation> CaseAsync(Guid workerId, string given, bool childProtection = false)
    {
        await using var db = Db();
        var person = await TestData.PersonAsync(db, given, "Taylor", new DateOnly(2017, 5, 1));
        var referral = new Referral(person.Id, null, Today.AddDays(-40), "1A", _team) { Status = ReferralStatus.Allocated, AllocatedWorkerId = workerId };
        db.Referrals.Add(referral);
        if (childProtection) db.Section47Enquiries.Add(new Section47Enquiry(person.Id, referral.Id, Today.AddDays(-20)));
        var allocation = new CaseAllocation(person.Id, referral.Id, _team, childProtection ? CaseKind.ChildProtection : CaseKind.ChildInNeed,
            new AllocationDiscussion(_time.GetUtcNow().AddDays(-30), _manager, workerId, [], "Neglect at home"), _time.GetUtcNow().AddDays(-30));
        db.CaseAllocations.Add(allocation);
        await db.SaveChangesAsync();
        return allocation;
    }

    private async Task<List<WorkItem>> ReallocationsAsync() { await using var db = Db(); return await db.WorkItems.Where(w => w.Kind == WorkKind.Reallocation).ToListAsync(); }

    private async Task<List<Alert>> AlertsAsync(AlertKind kind) { await using var db = Db(); return await db.Alerts.Where(a => a.Kind == kind).ToListAsync(); }

    [Theory]
    [InlineData(31, false)]
    [InlineData(30, true)]
    [InlineData(29, true)]
    public async Task RegistrationLapsingWithin30Days_AlertsTheTeamsManagersOnce(int daysAhead, bool alerted)
    {
        var worker = await WorkerAsync(renewsOn: Today.AddDays(daysAhead));
        await CaseAsync(worker, "Ruby");

        await SweepLapsesAsync();
        await SweepLapsesAsync();

        var alerts = await AlertsAsync(AlertKind.RegistrationLapsing);
        alerts.Count.ShouldBe(alerted ? 1 : 0);
        if (alerted)
        {
            alerts[0].TeamId.ShouldBe(_team);
            alerts[0].Message.ShouldBe($"Sam Okafor's Social Work England registration (SW123456) lapses on {Today.AddDays(daysAhead):d MMMM yyyy} (in {daysAhead} days)");
            await using var db = Db();
            (await new ManagerAlerts(db).ForTeamAsync(_team)).Select(a => a.Id).ShouldBe([alerts[0].Id]);
        }
        (await ReallocationsAsync()).ShouldBeEmpty("not lapsed yet: no decision needed");
    }

    [Fact]
    public async Task RegistrationLapsesToday_IsStillCurrent_NoCaseGoesForADecision()
    {
        var worker = await WorkerAsync(renewsOn: Today);
        await CaseAsync(worker, "Ruby");

        await SweepLapsesAsync();

        (await AlertsAsync(AlertKind.RegistrationLapsing)).Single().Message.ShouldEndWith("(today)");
        (await ReallocationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task RegistrationLapsedYesterday_EveryCaseGoesOnTheTeamTrayForADecision_DueNow_Once()
    {
        var worker = await WorkerAsync(renewsOn: Today.AddDays(-1));
        var inNeed = await CaseAsync(worker, "Ruby");
        var protection = await CaseAsync(worker, "Leo", childProtection: true);

        var first = await SweepLapsesAsync();
        await SweepLapsesAsync();

        first.Reallocations.ShouldBe(2);
        var items = await ReallocationsAsync();
        items.Count.ShouldBe(2);
        items.ShouldAllBe(w => w.OwnerTeamId == _team && w.OwnerUserId == null && w.DueAt == _time.GetUtcNow() && w.ClosedAt == null);
        items.Single(w => w.SubjectId == protection.Id).Priority.ShouldBe(Priority.ChildProtection);
        items.Single(w => w.SubjectId == inNeed.Id).Priority.ShouldBe(Priority.Standard);
        items.Single(w => w.SubjectId == inNeed.Id).Title.ShouldContain("Decide who holds Ruby Taylor's case, held by Sam Okafor");
        (await AlertsAsync(AlertKind.RegistrationLapsing)).Single().Message.ShouldContain($"lapsed on {Today.AddDays(-1):d MMMM yyyy}");
    }

    [Fact]
    public async Task ReallocationDecided_IsNotAskedAgainForTheSameLapse()
    {
        var worker = await WorkerAsync(renewsOn: Today.AddDays(-1));
        await CaseAsync(worker, "Ruby");
        await SweepLapsesAsync();
        await using (var db = Db())
        {
            var item = await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.Reallocation);
            new WorkItems(db).Close(item);
            await db.SaveChangesAsync();
        }

        _time.Advance(TimeSpan.FromDays(1));
        (await SweepLapsesAsync()).Reallocations.ShouldBe(0);
        (await ReallocationsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ChildProtectionTrainingLapsed_OnlyTheChildProtectionCaseGoesForADecision_AndTheTrainingAlertIsRaisedOnce()
    {
        var worker = await WorkerAsync(trainingExpiresOn: Today.AddDays(-1));
        await CaseAsync(worker, "Ruby");
        var protection = await CaseAsync(worker, "Leo", childProtection: true);

        await SweepLapsesAsync();
        await SweepLapsesAsync();

        var item = (await ReallocationsAsync()).ShouldHaveSingleItem();
        item.SubjectId.ShouldBe(protection.Id);
        item.Priority.ShouldBe(Priority.ChildProtection);
        item.Title.ShouldContain("section 47");
        (await AlertsAsync(AlertKind.TrainingLapsing)).ShouldHaveSingleItem().Message
            .ShouldBe($"Sam Okafor's training in \"Child protection: section 47 enquiries\" lapsed on {Today.AddDays(-1):d MMMM yyyy}");
    }

    [Fact]
    public async Task TrainingRenewed_BeforeItLapses_RaisesNoAlert()
    {
        var worker = await WorkerAsync(trainingExpiresOn: Today.AddDays(10));
        await using (var db = Db())
        {
            db.TrainingRecords.Add(new TrainingRecord(worker, TrainingKind.ChildProtectionSection47, Today.AddDays(-1), Today.AddYears(3)));
            await db.SaveChangesAsync();
        }

        await SweepLapsesAsync();

        (await AlertsAsync(AlertKind.TrainingLapsing)).ShouldBeEmpty();
    }

    private async Task<WorkforceChangeResult> SetLeavingDateAsync(Guid worker, DateOnly? leaving) => await InScopeAsync(async s =>
    {
        var records = s.GetRequiredService<StaffRecords>();
        var record = (await records.FindAsync(worker))!;
        return await records.ChangeAsync(worker, record.ConcurrencyStamp, new StaffRecordChange(record.RegistrationNumber, record.RegistrationRenewsOn,
            record.IsQualified, record.PracticeStartedOn, record.Employment, record.EmploymentStartsOn, leaving, record.FullTimeEquivalent,
            record.ManagerId), "Resigned");
    });

    [Fact]
    public async Task LeavingDateSet_PutsEachCaseOnTheTeamTray_DueTheWorkingDayBefore_MovedMovesThem_ClearedClosesThem()
    {
        var worker = await WorkerAsync();
        var ruby = await CaseAsync(worker, "Ruby");
        var leo = await CaseAsync(worker, "Leo", childProtection: true);
        var calendar = WorkingDayCalendar.Default();

        // Monday 23 March 2026: due by the end of Friday 20 March.
        (await SetLeavingDateAsync(worker, new DateOnly(2026, 3, 23))).Succeeded.ShouldBeTrue();
        var items = await ReallocationsAsync();
        items.Select(w => w.SubjectId).Order().ShouldBe(new[] { ruby.Id, leo.Id }.Order());
        items.ShouldAllBe(w => w.DueAt == TimeLimits.EndOfDay(new DateOnly(2026, 3, 20)) && w.OwnerTeamId == _team && w.OwnerUserId == null);
        items.Single(w => w.SubjectId == leo.Id).Priority.ShouldBe(Priority.ChildProtection);
        items[0].Title.ShouldContain("Sam Okafor leaves on 23 March 2026");

        (await SetLeavingDateAsync(worker, new DateOnly(2026, 4, 10))).Succeeded.ShouldBeTrue();
        items = await ReallocationsAsync();
        items.Count.ShouldBe(2);
        items.ShouldAllBe(w => w.ClosedAt == null && w.DueAt == TimeLimits.EndOfDay(calendar.AddWorkingDays(new DateOnly(2026, 4, 10), -1)));
        items[0].Title.ShouldContain("leaves on 10 April 2026");

        (await SetLeavingDateAsync(worker, null)).Succeeded.ShouldBeTrue();
        (await ReallocationsAsync()).ShouldAllBe(w => w.ClosedAt != null);
        await using var db = Db();
        var events = await db.Events.Where(e => e.Type == LeavingDateChanged.Name && e.SubjectId == worker).OrderBy(e => e.Id).ToListAsync();
        events.Count.ShouldBe(3);
        events[0].Summary.ShouldBe("Sam Okafor leaves on 23 March 2026: 2 cases to reallocate before then");
        events[0].Reason.ShouldBe("Resigned");
    }

    [Fact]
    public async Task LeavingDateCleared_KeepsTheDecisionALapseStillNeeds()
    {
        var worker = await WorkerAsync(renewsOn: Today.AddDays(-1));
        await CaseAsync(worker, "Ruby");
        (await SetLeavingDateAsync(worker, Today.AddDays(20))).Succeeded.ShouldBeTrue();
        await SweepLapsesAsync();

        (await SetLeavingDateAsync(worker, null)).Succeeded.ShouldBeTrue();

        (await ReallocationsAsync()).ShouldHaveSingleItem().ClosedAt.ShouldBeNull();
    }

    [Fact]
    public async Task DisablingAnAccountThatHoldsCases_IsRefused_NamingHowMany()
    {
        var worker = await WorkerAsync();
        await CaseAsync(worker, "Ruby");
        await CaseAsync(worker, "Leo");

        var result = await InScopeAsync(s => s.GetRequiredService<UserAdministration>()
            .ChangeAsync(worker, new UserChange([Roles.SocialWorker], _team, null, IsDisabled: true), "Left"));

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldBe([(nameof(UserChange.IsDisabled), "Sam Okafor still holds 2 cases: reallocate them before disabling the account")]);
        await using var db = Db();
        (await db.Users.SingleAsync(u => u.Id == worker)).IsDisabled.ShouldBeFalse();
    }

    [Fact]
    public async Task DisablingAnAccountThatHoldsNoCases_IsAllowed()
    {
        var worker = await WorkerAsync();

        var result = await InScopeAsync(s => s.GetRequiredService<UserAdministration>()
            .ChangeAsync(worker, new UserChange([Roles.SocialWorker], _team, null, IsDisabled: true), "Left"));

        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task EmploymentEnded_WithCasesHeld_CasesGoBackToTheTeamTrayAtTopPriority_AndManagersAreAlertedOnce()
    {
        var worker = await WorkerAsync();
        var ruby = await CaseAsync(worker, "Ruby");
        await CaseAsync(worker, "Leo");
        Guid action, accept;
        await using (var db = Db())
        {
            var work = _services.GetRequiredService<WorkClocks>();
            var items = new WorkItems(db, work);
            var agreed = items.Open(WorkKind.AgreedAction, ruby.Id, "See Ruby alone", _team, Priority.Standard, ruby.PersonId,
                clockFrom: TimeLimits.EndOfDay(Today.AddDays(5)));
            items.Reassign(agreed, _team, worker);
            var accepting = items.Open(WorkKind.AcceptAllocation, ruby.Id, "Accept Ruby Taylor", _team, Priority.Standard, ruby.PersonId);
            items.Reassign(accepting, _team, worker);
            var user = await db.Users.SingleAsync(u => u.Id == worker);
            user.EmploymentEndsOn = Today;
            await db.SaveChangesAsync();
            (action, accept) = (agreed.Id, accepting.Id);
        }

        (await InScopeAsync(s => s.GetRequiredService<Leavers>().EndEmploymentsAsync())).ShouldBe(0, "their last day is today");

        _time.Advance(TimeSpan.FromDays(1));
        (await InScopeAsync(s => s.GetRequiredService<Leavers>().EndEmploymentsAsync())).ShouldBe(2);
        (await InScopeAsync(s => s.GetRequiredService<Leavers>().EndEmploymentsAsync())).ShouldBe(0);

        await using var check = Db();
        var allocations = await check.CaseAllocations.Where(a => a.WorkerId == worker).ToListAsync();
        allocations.ShouldAllBe(a => a.EndedAt == _time.GetUtcNow() && a.EndReason == "Worker left");
        var referrals = allocations.Select(a => a.ReferralId).ToList();
        (await check.Referrals.Where(r => referrals.Contains(r.Id)).ToListAsync())
            .ShouldAllBe(r => r.Status == ReferralStatus.AwaitingAllocation && r.AllocatedWorkerId == null);
        var allocate = await check.WorkItems.Where(w => w.Kind == WorkKind.Allocation && referrals.Contains(w.SubjectId)).ToListAsync();
        allocate.Count.ShouldBe(2);
        allocate.ShouldAllBe(w => w.Priority == Priority.ChildProtection && w.OwnerTeamId == _team && w.OwnerUserId == null && w.ClosedAt == null);
        var agreedNow = await check.WorkItems.SingleAsync(w => w.Id == action);
        agreedNow.OwnerUserId.ShouldBeNull();
        agreedNow.ClosedAt.ShouldBeNull();
        (await check.WorkItems.SingleAsync(w => w.Id == accept)).ClosedAt.ShouldNotBeNull();
        var alert = (await check.Alerts.Where(a => a.Kind == AlertKind.CasesLeftUnallocated).ToListAsync()).ShouldHaveSingleItem();
        alert.TeamId.ShouldBe(_team);
        alert.RaisedAt.ShouldBe(_time.GetUtcNow());
        alert.Message.ShouldBe("Sam Okafor left on 4 March 2026 still holding 2 cases: back on the team tray for allocation, at top priority");
        (await check.Events.CountAsync(e => e.Type == AllocationEnded.Name)).ShouldBe(2);
        (await check.Events.CountAsync(e => e.Type == WorkerLeftHoldingCases.Name && e.SubjectId == worker)).ShouldBe(1);
    }

    [Fact]
    public async Task StaffRecord_WrongRegistrationFormat_OutOfRangeHours_OrLeavingBeforeStarting_IsRefusedByField()
    {
        var worker = await WorkerAsync();
        var result = await InScopeAsync(async s =>
        {
            var records = s.GetRequiredService<StaffRecords>();
            var record = (await records.FindAsync(worker))!;
            return await records.ChangeAsync(worker, record.ConcurrencyStamp, new StaffRecordChange("AB12", Today.AddYears(1), true,
                record.PracticeStartedOn, EmploymentKind.Agency, Today.AddDays(10), Today.AddDays(5), 1.2, null), null);
        });

        result.Errors.ShouldBe([
            ("RegistrationNumber", StaffRecords.RegistrationFormatMessage),
            ("EmploymentEndsOn", "The leaving date must be the same as or after the start date"),
            ("FullTimeEquivalent", "Enter a full-time equivalent between 0.1 and 1.0, like 0.8"),
        ]);
    }

    [Fact]
    public async Task StaffRecord_SavedFromAnOldStamp_IsRefusedAsStale_AndSavesNothing()
    {
        var worker = await WorkerAsync();
        var stale = await InScopeAsync(async s => (await s.GetRequiredService<StaffRecords>().FindAsync(worker))!);
        (await SetLeavingDateAsync(worker, Today.AddDays(60))).Succeeded.ShouldBeTrue();

        var result = await InScopeAsync(s => s.GetRequiredService<StaffRecords>().ChangeAsync(worker, stale.ConcurrencyStamp,
            new StaffRecordChange("SW999", stale.RegistrationRenewsOn, true, stale.PracticeStartedOn, stale.Employment, null, null, 0.5, null), null));

        result.Stale.ShouldBeTrue();
        await using var db = Db();
        var user = await db.Users.SingleAsync(u => u.Id == worker);
        user.SocialWorkEnglandNumber.ShouldBe("SW123456");
        user.EmploymentEndsOn.ShouldBe(Today.AddDays(60));
    }
}
