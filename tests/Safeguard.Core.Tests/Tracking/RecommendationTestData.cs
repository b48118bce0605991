using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Recommendations;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Tracking;

/// <summary>A council with an owner of recommendations (on the assessment team) and a head of service (on none).</summary>
internal sealed record TrackerStaff(Guid OwnerId, Guid OtherOwnerId, Guid HeadOfServiceId, Guid AssessmentTeamId, Guid FrontDoorTeamId);

internal static class RecommendationTestData
{
    public static async Task<TrackerStaff> CreateAsync(SafeguardDbContext db)
    {
        var council = await TestData.CreateCouncilAsync(db);
        var owner = await UserAsync(db, "Sara Owner", "sara.owner@council.example", Roles.ServiceManager, council.Assessment.Id);
        var other = await UserAsync(db, "Olu Other", "olu.other@council.example", Roles.ServiceManager, council.ChildProtection.Id);
        var head = await UserAsync(db, "Hari Head", "hari.head@council.example", Roles.HeadOfService, null);
        await UserAsync(db, "Gone Head", "gone.head@council.example", Roles.HeadOfService, null, disabled: true);
        return new TrackerStaff(owner, other, head, council.Assessment.Id, council.FrontDoor.Id);
    }

    public static async Task<Guid> UserAsync(SafeguardDbContext db, string name, string email, string role, Guid? teamId, bool disabled = false)
    {
        var staffRole = await db.Roles.SingleOrDefaultAsync(r => r.Name == role);
        if (staffRole is null)
        {
            staffRole = new StaffRole(role);
            db.Roles.Add(staffRole);
            await db.SaveChangesAsync();
        }
        var user = new StaffUser { UserName = email, Email = email, DisplayName = name, TeamId = teamId, IsDisabled = disabled };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        db.UserRoles.Add(new() { UserId = user.Id, RoleId = staffRole.Id });
        await db.SaveChangesAsync();
        return user.Id;
    }

    public static Recommendations.Recommendations Service(SafeguardDbContext db)
    {
        var calendar = WorkingDayCalendar.Default();
        return new(db, new WorkItems(db, new WorkClocks(calendar)), calendar);
    }

    public static RecommendationInput Input(Guid owner, DateOnly due, string text = "Strategy discussions include health and education") =>
        new(RecommendationSource.ChildSafeguardingPracticeReview, "CSPR Child T", new DateOnly(2026, 1, 15), text, owner, due);

    public static async Task<Guid> AddAsync(SafeguardDbContext db, Guid owner, DateOnly due)
    {
        var result = await Service(db).AddAsync(Input(owner, due));
        result.Outcome.ShouldBe(RecommendationOutcome.Saved);
        return result.Id!.Value;
    }

    public static async Task<int> VersionAsync(SafeguardDbContext db, Guid id) =>
        await db.Recommendations.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
}
