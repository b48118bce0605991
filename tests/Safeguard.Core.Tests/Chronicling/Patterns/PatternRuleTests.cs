using Safeguard.Core.Chronology.Patterns;

namespace Safeguard.Core.Tests.Chronicling.Patterns;

/// <summary>Each pattern rule at the edges of its threshold, on facts made for the test (the rules read no database).</summary>
public sealed class PatternRuleTests
{
    private static readonly PatternAlertSettings Defaults = new();
    private static readonly DateOnly Day1 = new(2026, 3, 2);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private static ContactFact Contact(DateOnly on, bool referred = false, string reference = "C1") =>
        new(Guid.NewGuid(), reference, on, At(on), referred);

    private static IncidentFact Injury(DateOnly on) => new($"event:{on.DayNumber}", IncidentKind.Injury, on, At(on), "reported by the GP");

    private static IncidentFact Missing(DateOnly on) => new($"event:{on.DayNumber}", IncidentKind.MissingEpisode, on, At(on), "reported by police");

    private static PatternFacts Facts(DateOnly? born = null, IReadOnlyList<ContactFact>? contacts = null, IReadOnlyList<IncidentFact>? incidents = null,
        IReadOnlyList<ReferralFact>? referrals = null, IReadOnlyList<PlanFact>? plans = null) =>
        new(born, contacts ?? [], incidents ?? [], referrals ?? [], plans ?? []);

    private static List<PatternFinding> Find(PatternRule rule, PatternFacts facts, PatternAlertSettings? settings = null) =>
        PatternRules.For(rule).Find(facts, settings ?? Defaults).ToList();

    [Theory]
    [InlineData(0, true)]
    [InlineData(6, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void RepeatContacts_TwoContactsUpTo7DaysApart(int daysApart, bool alerts)
    {
        var second = Contact(Day1.AddDays(daysApart), reference: "C2");
        var found = Find(PatternRule.RepeatContacts, Facts(contacts: [Contact(Day1), second]));

        if (!alerts)
        {
            found.ShouldBeEmpty();
            return;
        }
        var finding = found.ShouldHaveSingleItem();
        finding.Trigger.ShouldBe(second.Key);
        finding.Details.ShouldContain("2 contacts within 7 days");
        finding.Details.ShouldContain("C1 on 2 March 2026");
    }

    [Fact]
    public void RepeatContacts_OneContactAlone_NeverAlerts_AndTheThresholdIsASetting()
    {
        Find(PatternRule.RepeatContacts, Facts(contacts: [Contact(Day1)])).ShouldBeEmpty();
        var three = new PatternAlertSettings { RepeatContacts = { Contacts = 3 } };
        var twoInADay = Facts(contacts: [Contact(Day1), Contact(Day1)]);
        Find(PatternRule.RepeatContacts, twoInADay, three).ShouldBeEmpty();
        Find(PatternRule.RepeatContacts, twoInADay with { Contacts = [.. twoInADay.Contacts, Contact(Day1.AddDays(3))] }, three).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(364, true)]
    [InlineData(365, false)]
    [InlineData(-1, false)]
    public void InfantInjury_AnyInjuryBeforeTheFirstBirthday(int daysOld, bool alerts)
    {
        var born = new DateOnly(2025, 3, 2);
        var injury = Injury(born.AddDays(daysOld));
        var found = Find(PatternRule.InfantInjury, Facts(born, incidents: [injury]));

        found.Count.ShouldBe(alerts ? 1 : 0);
        if (alerts) found[0].Details.ShouldContain("under one");
    }

    [Fact]
    public void InfantInjury_NeedsADateOfBirth_AndIgnoresMissingEpisodes()
    {
        Find(PatternRule.InfantInjury, Facts(null, incidents: [Injury(Day1)])).ShouldBeEmpty();
        Find(PatternRule.InfantInjury, Facts(Day1.AddMonths(-2), incidents: [Missing(Day1)])).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2027-03-02", true)]
    [InlineData("2027-03-03", false)]
    [InlineData("2026-03-02", true)]
    public void RepeatInjury_ASecondInjuryUpTo12MonthsAfterTheFirst(string second, bool alerts)
    {
        var later = Injury(DateOnly.Parse(second));
        var found = Find(PatternRule.RepeatInjury, Facts(incidents: [Injury(Day1), later with { Key = "contact:later" }]));

        if (!alerts)
        {
            found.ShouldBeEmpty();
            return;
        }
        found.ShouldHaveSingleItem().Trigger.ShouldBe("contact:later");
    }

    [Fact]
    public void RepeatInjury_OneInjury_DoesNotAlert()
    {
        Find(PatternRule.RepeatInjury, Facts(incidents: [Injury(Day1), Missing(Day1.AddDays(3))])).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(12, true)]
    [InlineData(13, false)]
    public void ContactsWithoutReferral_ThreeContactsWithin12Months(int thirdAfterMonths, bool alerts)
    {
        var third = Contact(Day1.AddMonths(12).AddDays(thirdAfterMonths == 12 ? 0 : 1), reference: "C3");
        var facts = Facts(contacts: [Contact(Day1), Contact(Day1.AddMonths(5), reference: "C2"), third]);

        var found = Find(PatternRule.ContactsWithoutReferral, facts);

        if (!alerts)
        {
            found.ShouldBeEmpty();
            return;
        }
        found.ShouldHaveSingleItem().Trigger.ShouldBe(third.Key);
    }

    [Fact]
    public void ContactsWithoutReferral_TwoContacts_OrOneThatBecameAReferral_OrAReferralInTheYear_DoNotAlert()
    {
        var two = Facts(contacts: [Contact(Day1), Contact(Day1.AddDays(40))]);
        Find(PatternRule.ContactsWithoutReferral, two).ShouldBeEmpty();

        var oneReferred = Facts(contacts: [Contact(Day1), Contact(Day1.AddDays(40), referred: true), Contact(Day1.AddDays(80))]);
        Find(PatternRule.ContactsWithoutReferral, oneReferred).ShouldBeEmpty();

        var referredElsewhere = Facts(contacts: [Contact(Day1), Contact(Day1.AddDays(40)), Contact(Day1.AddDays(80))],
            referrals: [new ReferralFact(Guid.NewGuid(), Day1.AddDays(60), At(Day1.AddDays(60)), null)]);
        Find(PatternRule.ContactsWithoutReferral, referredElsewhere).ShouldBeEmpty();

        var three = Facts(contacts: [Contact(Day1), Contact(Day1.AddDays(40)), Contact(Day1.AddDays(80))]);
        Find(PatternRule.ContactsWithoutReferral, three).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("2027-03-02", true)]
    [InlineData("2027-03-03", false)]
    [InlineData("2026-03-02", true)]
    public void ReReferral_AReferralUpTo12MonthsAfterTheLastCaseClosed(string referredOn, bool alerts)
    {
        var closed = new ReferralFact(Guid.NewGuid(), Day1.AddMonths(-6), At(Day1.AddMonths(-6)), Day1);
        var again = new ReferralFact(Guid.NewGuid(), DateOnly.Parse(referredOn), At(DateOnly.Parse(referredOn)), null);

        var found = Find(PatternRule.ReReferral, Facts(referrals: [closed, again]));

        if (!alerts)
        {
            found.ShouldBeEmpty();
            return;
        }
        var finding = found.ShouldHaveSingleItem();
        finding.Trigger.ShouldBe(again.Key);
        finding.Details.ShouldContain("the last case closing on 2 March 2026");
    }

    [Fact]
    public void ReReferral_AFirstReferral_OrOneWhileTheOtherIsOpen_DoesNotAlert()
    {
        var open = new ReferralFact(Guid.NewGuid(), Day1, At(Day1), null);
        Find(PatternRule.ReReferral, Facts(referrals: [open])).ShouldBeEmpty();
        Find(PatternRule.ReReferral, Facts(referrals: [open, new ReferralFact(Guid.NewGuid(), Day1.AddDays(10), At(Day1.AddDays(10)), null)])).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(89, true)]
    [InlineData(90, false)]
    public void MissingOnPlan_FromThePlansFirstDayUpToTheDayItEnded(int daysIntoPlan, bool alerts)
    {
        var plan = new PlanFact(true, Day1, Day1.AddDays(90));
        var found = Find(PatternRule.MissingOnPlan, Facts(incidents: [Missing(Day1.AddDays(daysIntoPlan))], plans: [plan]));

        found.Count.ShouldBe(alerts ? 1 : 0);
        if (alerts) found[0].Details.ShouldContain("child protection plan");
    }

    [Fact]
    public void MissingOnPlan_ChildInNeedPlansCountUnlessSwitchedOff_AndInjuriesDoNot()
    {
        var inNeed = new PlanFact(false, Day1, null);
        var facts = Facts(incidents: [Missing(Day1.AddDays(3))], plans: [inNeed]);
        Find(PatternRule.MissingOnPlan, facts).ShouldHaveSingleItem().Details.ShouldContain("child in need plan");
        Find(PatternRule.MissingOnPlan, facts, new PatternAlertSettings { MissingOnPlan = { IncludeChildInNeedPlans = false } }).ShouldBeEmpty();
        Find(PatternRule.MissingOnPlan, Facts(incidents: [Injury(Day1.AddDays(3))], plans: [inNeed])).ShouldBeEmpty();
    }

    [Fact]
    public void EveryRule_IsInTheListOnce_AndCanBeSwitchedOff()
    {
        PatternRules.All.Select(r => r.Rule).ShouldBe(Enum.GetValues<PatternRule>(), ignoreOrder: true);
        var off = new PatternAlertSettings
        {
            RepeatContacts = { Enabled = false }, InfantInjury = { Enabled = false }, RepeatInjury = { Enabled = false },
            ContactsWithoutReferral = { Enabled = false }, ReReferral = { Enabled = false }, MissingOnPlan = { Enabled = false },
        };
        PatternRules.All.ShouldAllBe(r => !r.IsEnabled(off) && r.IsEnabled(Defaults));
    }
}
