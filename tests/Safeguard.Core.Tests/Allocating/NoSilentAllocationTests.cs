using System.Reflection;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Allocating;

/// <summary>
/// There is no bulk or silent allocation path (issue 12): in Core and the CLI, only the allocation service makes an
/// allocation or sets who holds a referral (seeding aside), nothing but pages call it, and it allocates one referral to
/// one worker after one discussion. (The web side is checked in Safeguard.Web.Tests' NoSilentAllocationTests.)
/// </summary>
public sealed class NoSilentAllocationTests
{
    private static readonly Assembly Core = typeof(SafeguardDbContext).Assembly;
    private static readonly Assembly Cli = Assembly.Load("safeguard");

    private static bool AllowedMaker(string type) =>
        type == typeof(Allocations).FullName || type.StartsWith("Safeguard.Core.Seeding.", StringComparison.Ordinal);

    [Fact]
    public void OnlyTheAllocationService_MakesAnAllocation_OrSetsWhoHoldsAReferral()
    {
        var makers = CallSites.CallersOf(Core, typeof(CaseAllocation), ".ctor").Where(t => t != typeof(CaseAllocation).FullName).ToList();
        var setters = CallSites.CallersOf(Core, typeof(Referral), "set_AllocatedWorkerId")
            .Concat(CallSites.CallersOf(Core, typeof(Referral), "set_Status")).ToList();

        makers.Where(t => !AllowedMaker(t)).ShouldBeEmpty();
        makers.ShouldContain(typeof(Allocations).FullName!);
        // A new referral starts awaiting allocation (its constructor); nothing else outside the service and seeding.
        setters.Where(t => !AllowedMaker(t) && t != typeof(Referral).FullName).ShouldBeEmpty();
        setters.ShouldContain(typeof(Allocations).FullName!);
        // Taking a worker away (a leaver's cases back on the team tray) is the referral's own method, and gives nobody a case.
        CallSites.CallersOf(Core, typeof(Referral), nameof(Referral.ReturnToAllocation)).ShouldBe([typeof(Leavers).FullName!]);
        typeof(CaseAllocation).GetConstructors().ShouldBeEmpty("no public constructor");
        typeof(Referral).GetProperty(nameof(Referral.AllocatedWorkerId))!.SetMethod!.IsPublic.ShouldBeFalse();
        typeof(Referral).GetProperty(nameof(Referral.Status))!.SetMethod!.IsPublic.ShouldBeFalse();
    }

    [Fact]
    public void NoCommandOfTheCli_AndNothingElseInCore_AllocatesOrReallocates()
    {
        foreach (var method in new[] { nameof(Allocations.AllocateAsync), nameof(Allocations.ReallocateAsync), nameof(Allocations.AcceptAsync) })
        {
            CallSites.CallersOf(Cli, typeof(Allocations), method).ShouldBeEmpty($"the CLI calls {method}");
            CallSites.CallersOf(Core, typeof(Allocations), method).Where(t => t != typeof(Allocations).FullName).ShouldBeEmpty($"Core calls {method}");
        }
    }

    [Fact]
    public void AnAllocation_IsOneReferralOrCase_ToOneWorker_AfterOneDiscussion()
    {
        foreach (var name in new[] { nameof(Allocations.AllocateAsync), nameof(Allocations.ReallocateAsync) })
        {
            var parameters = typeof(Allocations).GetMethod(name)!.GetParameters();
            parameters[0].ParameterType.ShouldBe(typeof(Guid), $"{name} takes one referral or allocation");
            parameters.Count(p => p.ParameterType == typeof(AllocationDiscussion)).ShouldBe(1, name);
            parameters.ShouldAllBe(p => !typeof(System.Collections.IEnumerable).IsAssignableFrom(p.ParameterType) || p.ParameterType == typeof(string));
        }
        typeof(AllocationDiscussion).GetProperty(nameof(AllocationDiscussion.WorkerId))!.PropertyType.ShouldBe(typeof(Guid), "one worker");
    }
}
