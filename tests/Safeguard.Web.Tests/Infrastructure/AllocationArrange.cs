using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>Allocation tests' arrangements in the demo council: staff records, referrals waiting, and allocations made through the service.</summary>
public static class AllocationArrange
{
    public const string Martin = "martin.hughes@northbridge.example";
    public const string Sam = "sam.okafor@northbridge.example";
    public const string Grace = "grace.lee@northbridge.example";
    public const string Helen = "helen.price@northbridge.example";
    public const string Omar = "omar.farouk@northbridge.example";

    public static DateOnly Today(SafeguardAppFactory app) => TimeLimits.UkDay(app.Time.GetUtcNow());

    /// <summary>Sam and Grace registered, qualified and experienced; Grace trained for child protection, Sam not.</summary>
    public static async Task QualifyWorkersAsync(SafeguardAppFactory app)
    {
        await using var db = app.CreateDbContext();
        await AllocationTestData.QualifyAsync(db, await app.UserIdAsync(Sam), Today(app), childProtectionTrained: false);
        await AllocationTestData.QualifyAsync(db, await app.UserIdAsync(Grace), Today(app), childProtectionTrained: true);
    }

    /// <summary>A new child with a referral waiting for allocation on the assessment team's tray.</summary>
    public static async Task<Referral> ReferralAsync(SafeguardAppFactory app, string given, bool childProtection = false, Guid? personId = null)
    {
        await using var db = app.CreateDbContext();
        var team = await db.Teams.Where(t => t.Name == DemoAccounts.AssessmentTeam).Select(t => t.Id).SingleAsync();
        if (personId is { } existing)
        {
            var referral = new Referral(existing, null, Today(app), "2A", team);
            db.Referrals.Add(referral);
            new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default()))
                .Open(WorkKind.Allocation, referral.Id, "Allocate a child", team, Priority.Standard, existing, app.Time.GetUtcNow().AddHours(-1));
            await db.SaveChangesAsync();
            return referral;
        }
        return await AllocationTestData.ReferralAwaitingAllocationAsync(db, team, app.Time.GetUtcNow().AddHours(-1), given, "Allocated", childProtection);
    }

    /// <summary>Allocates through the service, as <paramref name="managerEmail"/> after a discussion, to <paramref name="workerEmail"/>.</summary>
    public static async Task<Guid> AllocateAsync(SafeguardAppFactory app, Referral referral, string managerEmail, string workerEmail)
    {
        var manager = await app.UserIdAsync(managerEmail);
        await using var db = app.Database.CreateContext(app.Time, new Actor(manager, managerEmail));
        var service = AllocationTestData.AllocationService(db);
        var discussion = new AllocationDiscussion(app.Time.GetUtcNow().AddMinutes(-30), manager, await app.UserIdAsync(workerEmail),
            [new AgreedAction("Visit the child at home", Today(app).AddDays(3))], "Risks discussed in the test");
        var result = await service.AllocateAsync(referral.Id, discussion, CaseKind.ChildInNeed, null, null, referral.Version);
        result.Outcome.ShouldBe(AllocationOutcome.Done, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.AllocationId!.Value;
    }

    /// <summary>The discussion form as a manager fills it in: today at 08:30, one agreed action due in two days.</summary>
    public static Dictionary<string, string> Form(SafeguardAppFactory app, Guid workerId, string kind = "ChildInNeed", string risks = "Father drinks; child frightened")
    {
        var today = Today(app);
        var due = today.AddDays(2);
        return new()
        {
            ["Form.DiscussedOn.Day"] = today.Day.ToString(), ["Form.DiscussedOn.Month"] = today.Month.ToString(), ["Form.DiscussedOn.Year"] = today.Year.ToString(),
            ["Form.DiscussedTime"] = "08:30",
            ["Form.WorkerId"] = workerId.ToString(),
            ["Form.CaseKind"] = kind,
            ["Form.Actions[0].What"] = "See the child alone at school",
            ["Form.Actions[0].DueOn.Day"] = due.Day.ToString(), ["Form.Actions[0].DueOn.Month"] = due.Month.ToString(), ["Form.Actions[0].DueOn.Year"] = due.Year.ToString(),
            ["Form.Risks"] = risks,
        };
    }
}
