using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Chronology;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Oversight;
using Safeguard.Core.Tests.Seeding;

namespace Safeguard.Core.Tests.Chronicling;

/// <summary>The history shown before a decision, on the demo council's children.</summary>
public sealed class HistoryAtDecisionTests(SeededDemoCouncil demo) : IClassFixture<SeededDemoCouncil>
{
    private static HistoryAtDecision Histories(Core.Data.SafeguardDbContext db) => new(db, new ChildStatuses(db, new ChildAlerts(db)));

    private static Task<Guid> ChildAsync(Core.Data.SafeguardDbContext db, string given) =>
        db.People.Where(p => p.GivenName == given).Select(p => p.Id).SingleAsync();

    [Fact]
    public async Task BeforeDecidingLilysNewContact_HerYearHoldsOneOtherContact_OneClosedReferral_AndOneChildInNeedPlan()
    {
        await using var db = demo.Database.CreateContext(demo.Time);
        var lily = await ChildAsync(db, "Lily");
        var pending = await db.Contacts.Where(c => c.Status == ContactStatus.AwaitingDecision && c.Children.Any(ch => ch.PersonId == lily))
            .Select(c => c.Id).SingleAsync();

        var history = await Histories(db).ForChildAsync(lily, pending);

        history.ChildName.ShouldBe("Lily Harrison");
        history.ContactsInLastYear.ShouldHaveSingleItem().Outcome.ShouldBe(ScreeningOutcome.InformationAndAdvice);
        history.Referrals.ShouldBe(1);
        history.LastClosedOn.ShouldNotBeNull();
        history.Plans.ShouldHaveSingleItem().Kind.ShouldBe(PlanKind.ChildInNeed);
        history.NextProtectionPlanIsRepeat.ShouldBeFalse();
        history.Injuries.ShouldBeEmpty();
        // Without leaving the pending contact out, it counts as one more.
        (await Histories(db).ForChildAsync(lily)).ContactsInLastYear.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RubysInjury_IsInHerHistory_ButNotInTheHistoryOfTheReferralItBegan()
    {
        await using var db = demo.Database.CreateContext(demo.Time);
        var ruby = await ChildAsync(db, "Ruby");
        var referral = await db.Referrals.Where(r => r.PersonId == ruby).Select(r => r.Id).SingleAsync();

        (await Histories(db).ForChildAsync(ruby)).Injuries.ShouldHaveSingleItem().Concern.ShouldContain("belt");
        var before = (await Histories(db).ForReferralAsync(referral)).ShouldNotBeNull();
        before.Injuries.ShouldBeEmpty();
        before.Referrals.ShouldBe(0);
        before.NextProtectionPlanIsRepeat.ShouldBeTrue();
        before.ProtectionPlans.ShouldBe(1);
        (await Histories(db).ForReferralAsync(Guid.NewGuid())).ShouldBeNull();
    }

    [Fact]
    public async Task ShowingTheHistory_IsRecordedOnTheChildsRecord_WithWhatItHeld()
    {
        await using var db = demo.Database.CreateContext(demo.Time, new Security.Actor(Guid.NewGuid(), "Chloe Adams"));
        var maya = await ChildAsync(db, "Maya");
        var history = await Histories(db).ForChildAsync(maya);

        await Histories(db).RecordShownAsync(history, "a strategy discussion");

        var stored = await db.Events.Where(e => e.PersonId == maya && e.Type == DecisionHistoryShown.Name).SingleAsync();
        stored.ActorName.ShouldBe("Chloe Adams");
        Core.Audit.EventCatalogue.Read(stored.Type, stored.Data).ShouldBe(new DecisionHistoryShown("a strategy discussion", history.ContactsInLastYear.Count,
            history.Referrals, history.Plans.Count, history.Injuries.Count, history.Status.Alerts.Count));
    }
}
