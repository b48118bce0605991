using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.CaseloadQueries;

/// <summary>Staff, children and their allocations for the caseload tests, written through the real model.</summary>
internal static class CaseloadData
{
    public static async Task<StaffUser> WorkerAsync(SafeguardDbContext db, string name, Guid? teamId, string role = Roles.SocialWorker,
        double fte = 1.0, DateOnly? practiceStarted = null, EmploymentKind? employment = EmploymentKind.Permanent, bool disabled = false)
    {
        var staffRole = db.Roles.Local.SingleOrDefault(r => r.Name == role)
            ?? db.Roles.SingleOrDefault(r => r.Name == role)
            ?? db.Roles.Add(new StaffRole(role)).Entity;
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@test.example";
        var user = new StaffUser
        {
            Id = NewId.Next(), UserName = email, Email = email, DisplayName = name, TeamId = teamId, FullTimeEquivalent = fte,
            PracticeStartedOn = practiceStarted ?? new DateOnly(2015, 9, 1), Employment = employment, IsDisabled = disabled,
            SocialWorkEnglandNumber = "SW100234", RegistrationRenewsOn = new DateOnly(2027, 11, 30), IsQualified = true,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = staffRole.Id });
        await db.SaveChangesAsync();
        return user;
    }

    public static async Task<Person> ChildAsync(SafeguardDbContext db, string given, string family = "Caseload") =>
        await TestData.PersonAsync(db, given, family, new DateOnly(2017, 4, 2));

    /// <summary>An allocation of <paramref name="child"/> to <paramref name="worker"/>, allocated at <paramref name="at"/> and ended at <paramref name="endedAt"/> if given.</summary>
    public static async Task<CaseAllocation> AllocateAsync(SafeguardDbContext db, Person child, StaffUser worker, DateTimeOffset at,
        CaseKind kind = CaseKind.ChildInNeed, DateTimeOffset? endedAt = null, DateTimeOffset? acceptedAt = null)
    {
        var referral = new Referral(child.Id, null, DateOnly.FromDateTime(at.UtcDateTime), "1A", worker.TeamId!.Value);
        db.Referrals.Add(referral);
        var discussion = new AllocationDiscussion(at, worker.Id, worker.Id, [new AgreedAction("See the child alone", DateOnly.FromDateTime(at.UtcDateTime).AddDays(5))],
            "Risks discussed");
        var allocation = new CaseAllocation(child.Id, referral.Id, worker.TeamId!.Value, kind, discussion, at)
        {
            EndedAt = endedAt, EndReason = endedAt is null ? null : "Reallocated", AcceptedAt = acceptedAt,
        };
        db.CaseAllocations.Add(allocation);
        await db.SaveChangesAsync();
        return allocation;
    }
}
