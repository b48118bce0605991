using Safeguard.Core.Security;

namespace Safeguard.Core.Tests.Securing;

public sealed class TwoFactorRuleTests
{
    [Fact]
    public void EveryPermission_IsJudged_EitherNeedingASecondFactorOrShowingNoChildData()
    {
        var judged = TwoFactorRule.NeedSecondFactor.Concat(TwoFactorRule.NoChildData).ToList();

        Permissions.All.Where(p => !judged.Contains(p)).ShouldBeEmpty("a new permission must be judged for two-factor sign-in");
        TwoFactorRule.NeedSecondFactor.Intersect(TwoFactorRule.NoChildData).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Roles.FrontDoorWorker)]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.SocialWorkAssistant)]
    [InlineData(Roles.TeamManager)]
    [InlineData(Roles.ServiceManager)]
    [InlineData(Roles.HeadOfService)]
    [InlineData(Roles.Director)]
    [InlineData(Roles.ConferenceChair)]
    [InlineData(Roles.PerformanceAnalyst)]
    [InlineData(Roles.SystemAdministrator)]
    public void RolesThatSeeChildrensRecordsOrGrantThem_NeedASecondFactor(string role) =>
        TwoFactorRule.RequiresForRoles([role]).ShouldBeTrue();

    [Fact]
    public void APartnerReferrer_DoesNotNeedOne_ButAPartnerWhoIsAlsoStaffDoes()
    {
        TwoFactorRule.RequiresForRoles([Roles.PartnerReferrer]).ShouldBeFalse();
        TwoFactorRule.RequiresForRoles([]).ShouldBeFalse();
        TwoFactorRule.RequiresForRoles([Roles.PartnerReferrer, Roles.SocialWorker]).ShouldBeTrue();
    }

    [Fact]
    public void ReadingAChildsRecord_NeedsOne_RaisingAConcernAlone_DoesNot()
    {
        TwoFactorRule.Requires([Permissions.ViewChildRecords]).ShouldBeTrue();
        TwoFactorRule.Requires([Permissions.RaiseEscalations, Permissions.ViewBacklog]).ShouldBeFalse();
    }

    [Fact]
    public void TheSetting_IsOnUnlessConfiguredOff() => new TwoFactorSettings().RequireTwoFactor.ShouldBeTrue();
}
