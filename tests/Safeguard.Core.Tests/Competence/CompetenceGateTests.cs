using Safeguard.Core.Workforce;

namespace Safeguard.Core.Tests.Competence;

/// <summary>The competence rule table (Workforce/CompetenceRules.cs) and Social Work England numbers.</summary>
public class CompetenceGateTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static WorkerCompetence Experienced(params TrainingRecord[] training) =>
        new("SW123456", Today.AddMonths(6), IsQualified: true, PracticeStartedOn: Today.AddYears(-3), training);

    private static TrainingRecord Current(TrainingKind kind) => new(Guid.Empty, kind, Today.AddYears(-1), Today.AddYears(1));

    [Fact]
    public void EveryKindOfCase_HasOneRule()
    {
        foreach (var kind in Enum.GetValues<CaseKind>()) CompetenceRules.All.Count(r => r.Kind == kind).ShouldBe(1, kind.ToString());
    }

    [Fact]
    public void ChildProtectionWork_IsAllowed_ForARegisteredQualifiedExperiencedWorker_WithCurrentTraining()
    {
        var worker = Experienced(Current(TrainingKind.ChildProtectionSection47), Current(TrainingKind.ChildProtectionPlans));

        CompetenceRules.Check(worker, CaseKind.ChildProtection, Today).ShouldBeEmpty();
    }

    [Fact]
    public void ChildProtectionWork_IsRefused_WithEveryReasonInPlainWords()
    {
        var worker = new WorkerCompetence(null, null, IsQualified: false, PracticeStartedOn: Today.AddMonths(-3), []);

        var reasons = CompetenceRules.Check(worker, CaseKind.ChildProtection, Today);

        reasons.ShouldContain(r => r.Contains("Social Work England register") && r.Contains("no registration number"));
        reasons.ShouldContain(r => r.Contains("qualified social worker"));
        reasons.ShouldContain(r => r.Contains("first year in practice"));
        reasons.ShouldContain(r => r.Contains("Child protection: section 47 enquiries") && r.Contains("none is recorded"));
        reasons.Count.ShouldBe(5);
    }

    [Fact]
    public void Training_ThatExpiredYesterday_Refuses_AndSaysWhen_ButOneThatExpiresToday_StillCounts()
    {
        var plans = Current(TrainingKind.ChildProtectionPlans);
        var expiredYesterday = new TrainingRecord(Guid.Empty, TrainingKind.ChildProtectionSection47, Today.AddYears(-2), Today.AddDays(-1));
        var expiresToday = new TrainingRecord(Guid.Empty, TrainingKind.ChildProtectionSection47, Today.AddYears(-2), Today);

        CompetenceRules.Check(Experienced(plans, expiredYesterday), CaseKind.ChildProtection, Today)
            .ShouldBe(["Child protection work needs current training in \"Child protection: section 47 enquiries\"; it expired on 1 December 2026"]);
        CompetenceRules.Check(Experienced(plans, expiresToday), CaseKind.ChildProtection, Today).ShouldBeEmpty();
    }

    [Fact]
    public void ARegistration_PastItsRenewalDate_HasLapsed()
    {
        var lapsed = Experienced() with { RegistrationRenewsOn = Today.AddDays(-1) };

        CompetenceRules.Check(lapsed, CaseKind.ChildInNeed, Today)
            .ShouldBe(["Child in need work needs a worker on the Social Work England register; the registration lapsed on 1 December 2026"]);
        CompetenceRules.Check(lapsed with { RegistrationRenewsOn = Today }, CaseKind.ChildInNeed, Today).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-12, false)]
    [InlineData(-11, true)]
    [InlineData(0, true)]
    public void TheFirstYearInPractice_EndsTwelveMonthsAfterTheFirstDay(int monthsAgo, bool newlyQualified)
    {
        CompetenceRules.IsNewlyQualifiedOn(Today.AddMonths(monthsAgo), Today).ShouldBe(newlyQualified);
    }

    [Fact]
    public void ANewlyQualifiedWorker_MayHoldChildInNeedWork_ButNotChildProtection()
    {
        var newlyQualified = Experienced(Current(TrainingKind.ChildProtectionSection47), Current(TrainingKind.ChildProtectionPlans))
            with { PracticeStartedOn = Today.AddMonths(-2) };

        CompetenceRules.Check(newlyQualified, CaseKind.ChildInNeed, Today).ShouldBeEmpty();
        CompetenceRules.Check(newlyQualified, CaseKind.ChildProtection, Today)
            .ShouldBe(["Child protection work cannot be held by a worker in their first year in practice"]);
    }

    [Theory]
    [InlineData("SW123456", "SW123456")]
    [InlineData(" sw 123456 ", "SW123456")]
    [InlineData("SW1", "SW1")]
    [InlineData("123456", null)]
    [InlineData("SWX123", null)]
    [InlineData("SW", null)]
    [InlineData("SW12345678901", null)]
    [InlineData("", null)]
    public void RegistrationNumbers_AreSWAndDigits(string typed, string? stored)
    {
        Registration.Normalise(typed).ShouldBe(stored);
    }

    [Fact]
    public void Capacity_FollowsFullTimeEquivalent_AndIsProtectedInTheFirstYear()
    {
        var settings = new CaseloadSettings();

        settings.CapacityOf(1.0, newlyQualified: false).ShouldBe(20);
        settings.CapacityOf(0.6, newlyQualified: false).ShouldBe(12);
        settings.CapacityOf(1.0, newlyQualified: true).ShouldBe(16);
        settings.WeightOf(CaseKind.ChildProtection).ShouldBe(1.5);
    }
}
