using System.Reflection;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>
/// Arranges allocations directly in the database for pages that only read them (caseloads, home pages). An allocation is
/// only ever made by the allocation service after a recorded discussion; its constructor is internal to Core, so tests
/// outside Core reach it by reflection here, in one place.
/// </summary>
public static class TestAllocations
{
    private static readonly ConstructorInfo Constructor = typeof(CaseAllocation).GetConstructor(
        BindingFlags.Instance | BindingFlags.NonPublic,
        [typeof(Guid), typeof(Guid), typeof(Guid), typeof(CaseKind), typeof(AllocationDiscussion), typeof(DateTimeOffset)])
        ?? throw new InvalidOperationException("CaseAllocation's constructor has changed");

    /// <summary>Adds (does not save) a referral and an allocation of <paramref name="personId"/> to <paramref name="workerId"/>.</summary>
    public static CaseAllocation Add(SafeguardDbContext db, Guid personId, Guid workerId, Guid teamId, Guid managerId, DateTimeOffset at,
        CaseKind kind = CaseKind.ChildInNeed, DateTimeOffset? acceptedAt = null, DateTimeOffset? endedAt = null)
    {
        var referral = new Referral(personId, null, DateOnly.FromDateTime(at.UtcDateTime), "1A", teamId);
        db.Referrals.Add(referral);
        var discussion = new AllocationDiscussion(at, managerId, workerId,
            [new AgreedAction("See the child alone", DateOnly.FromDateTime(at.UtcDateTime).AddDays(5))], "Risks discussed");
        var allocation = (CaseAllocation)Constructor.Invoke([personId, referral.Id, teamId, kind, discussion, at]);
        Set(allocation, nameof(CaseAllocation.AcceptedAt), acceptedAt);
        Set(allocation, nameof(CaseAllocation.EndedAt), endedAt);
        if (endedAt is not null) Set(allocation, nameof(CaseAllocation.EndReason), "Reallocated");
        db.CaseAllocations.Add(allocation);
        return allocation;
    }

    private static void Set(CaseAllocation allocation, string property, object? value) =>
        typeof(CaseAllocation).GetProperty(property)!.GetSetMethod(nonPublic: true)!.Invoke(allocation, [value]);
}
