using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Allocation;
using Safeguard.Core.Assessments;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Oversight;
using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.TestCommon;

/// <summary>Staff records and referrals waiting for allocation, written directly, for allocation tests.</summary>
public static class AllocationTestData
{
    /// <summary>A new account with <paramref name="role"/> (the role made if missing).</summary>
    public static async Task<StaffUser> StaffAsync(SafeguardDbContext db, string name, string role, Guid? teamId)
    {
        var staffRole = await db.Roles.SingleOrDefaultAsync(r => r.Name == role) ?? db.Roles.Add(new StaffRole(role)).Entity;
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@test.example";
        var user = new StaffUser
        {
            Id = NewId.Next(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, DisplayName = name, TeamId = teamId,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = staffRole.Id });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>
    /// Makes <paramref name="userId"/> a registered, qualified, experienced, permanent worker (registration renewing a
    /// year after <paramref name="today"/>), with current child protection training when <paramref name="childProtectionTrained"/>.
    /// </summary>
    public static async Task QualifyAsync(SafeguardDbContext db, Guid userId, DateOnly today, bool childProtectionTrained, double fullTimeEquivalent = 1.0)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.SocialWorkEnglandNumber = "SW" + (100000 + Math.Abs(userId.GetHashCode() % 899999));
        user.RegistrationRenewsOn = today.AddYears(1);
        user.IsQualified = true;
        user.PracticeStartedOn = today.AddYears(-4);
        user.Employment = EmploymentKind.Permanent;
        user.EmploymentStartsOn = today.AddYears(-3);
        user.EmploymentEndsOn = null;
        user.FullTimeEquivalent = fullTimeEquivalent;
        var training = await db.TrainingRecords.Where(t => t.UserId == userId).ToListAsync();
        db.TrainingRecords.RemoveRange(training);
        if (childProtectionTrained)
        {
            db.TrainingRecords.Add(new TrainingRecord(userId, TrainingKind.ChildProtectionSection47, today.AddMonths(-6), today.AddYears(2)));
            db.TrainingRecords.Add(new TrainingRecord(userId, TrainingKind.ChildProtectionPlans, today.AddMonths(-6), today.AddYears(2)));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A child with a referral awaiting allocation on <paramref name="teamId"/>'s tray; a section 47 enquiry makes it child protection work.</summary>
    public static async Task<Referral> ReferralAwaitingAllocationAsync(SafeguardDbContext db, Guid teamId, DateTimeOffset referredAt,
        string given = "Maya", string family = "Green", bool childProtection = false, Priority priority = Priority.Standard)
    {
        var child = new Person(given, family, new DateOnly(2017, 4, 2), Sex.Female);
        db.People.Add(child);
        var referral = new Referral(child.Id, null, TimeLimits.UkDay(referredAt), "2A", teamId);
        db.Referrals.Add(referral);
        if (childProtection) db.Section47Enquiries.Add(new Section47Enquiry(child.Id, referral.Id, TimeLimits.UkDay(referredAt)));
        new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default()))
            .Open(WorkKind.Allocation, referral.Id, $"Allocate {given} {family}", teamId, priority, child.Id, referredAt);
        await db.SaveChangesAsync();
        return referral;
    }

    /// <summary>The allocation service on <paramref name="db"/>, with default caseload settings and the default calendar.</summary>
    public static Allocations AllocationService(SafeguardDbContext db)
    {
        var calendar = WorkingDayCalendar.Default();
        return new Allocations(db, new Caseloads(db, Options.Create(new CaseloadSettings())), new ChildStatuses(db, new ChildAlerts(db)), calendar,
            new WorkClocks(calendar), AssessmentService(db, calendar));
    }

    /// <summary>The assessment service on <paramref name="db"/> with default visit settings (child in need plans start from it).</summary>
    public static ChildAndFamilyAssessments AssessmentService(SafeguardDbContext db, IWorkingDayCalendar? calendar = null)
    {
        calendar ??= WorkingDayCalendar.Default();
        var work = new WorkItems(db, new WorkClocks(calendar));
        return new ChildAndFamilyAssessments(db, work, calendar, ConferenceTestData.ChildInNeedPlanService(db));
    }

    /// <summary>
    /// A child referred a day before <paramref name="time"/>'s now, allocated to <paramref name="worker"/> by
    /// <paramref name="manager"/> through the allocation service after a discussion an hour ago (one agreed action).
    /// </summary>
    public static async Task<Referral> AllocatedReferralAsync(TestDatabase database, TimeProvider time, Guid teamId, StaffUser manager, StaffUser worker,
        string given = "Maya", string family = "Green")
    {
        Referral referral;
        await using (var db = database.CreateContext(time, Actor.System))
        {
            referral = await ReferralAwaitingAllocationAsync(db, teamId, time.GetUtcNow().AddDays(-1), given, family);
        }
        await using (var db = database.CreateContext(time, new Actor(manager.Id, manager.DisplayName)))
        {
            var today = TimeLimits.UkDay(time.GetUtcNow());
            var discussion = new AllocationDiscussion(time.GetUtcNow().AddHours(-1), manager.Id, worker.Id,
                [new AgreedAction($"See {given} alone", today.AddDays(2))], "Risks discussed in the test", null);
            var result = await AllocationService(db).AllocateAsync(referral.Id, discussion, CaseKind.ChildInNeed, null, null, referral.Version);
            if (result.Outcome != AllocationOutcome.Done) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
        }
        await using var read = database.CreateContext(time, Actor.System);
        return await read.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id);
    }
}
