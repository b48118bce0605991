using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Oversight;
using Safeguard.Core.People;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.CaseWork;

public sealed class ChildStatusTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    // Monday 2 March 2026, 10:00.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Today = new(2026, 3, 2);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private SafeguardDbContext Db() => _database.CreateContext(_time);

    private static async Task<(Person Child, Referral Referral, Team Team)> ChildWithReferralAsync(SafeguardDbContext db, string given = "Maya",
        ReferralStatus status = ReferralStatus.Allocated, Guid? workerId = null)
    {
        var council = await TestData.CreateCouncilAsync(db);
        var child = await TestData.PersonAsync(db, given, "Green", new DateOnly(2019, 8, 1));
        var referral = new Referral(child.Id, null, Today.AddDays(-400), "2A", council.ChildProtection.Id) { Status = status, AllocatedWorkerId = workerId };
        if (status == ReferralStatus.Closed) referral.ClosedOn = Today.AddDays(-30);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return (child, referral, council.ChildProtection);
    }

    [Fact]
    public async Task ChildWithNothingOpen_HasAnEmptyStatus()
    {
        await using var db = Db();
        var child = await TestData.PersonAsync(db, "Ruby", "Taylor", new DateOnly(2018, 5, 14));

        var status = await new ChildStatuses(db, new ChildAlerts(db)).ForChildAsync(child.Id);

        status.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task ChildProtectionPlan_IsShownWithItsCategoryAndStartDate_AndAChildInNeedPlanWithItsStartDate()
    {
        await using var db = Db();
        var (child, referral, _) = await ChildWithReferralAsync(db);
        db.ChildPlans.Add(new ChildPlan(referral.Id, child.Id, PlanKind.ChildInNeed, new DateOnly(2025, 6, 1), null) { EndedOn = new DateOnly(2026, 3, 3) });
        db.ChildPlans.Add(new ChildPlan(referral.Id, child.Id, PlanKind.ChildProtection, new DateOnly(2026, 3, 3).AddYears(-1), "neglect"));
        await db.SaveChangesAsync();

        var status = await new ChildStatuses(db, new ChildAlerts(db)).ForChildAsync(child.Id);

        status.Plans.ShouldBe([
            new PlanStatus(PlanKind.ChildInNeed, new DateOnly(2025, 6, 1), null),
            new PlanStatus(PlanKind.ChildProtection, new DateOnly(2025, 3, 3), "neglect"),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task EndedPlans_AreNotShown()
    {
        await using var db = Db();
        var (child, referral, _) = await ChildWithReferralAsync(db);
        db.ChildPlans.Add(new ChildPlan(referral.Id, child.Id, PlanKind.ChildProtection, new DateOnly(2024, 1, 10), "physical") { EndedOn = new DateOnly(2025, 1, 10) });
        db.ChildPlans.Add(new ChildPlan(referral.Id, child.Id, PlanKind.ChildInNeed, new DateOnly(2025, 1, 10), null) { EndedOn = Today });
        await db.SaveChangesAsync();

        var status = await new ChildStatuses(db, new ChildAlerts(db)).ForChildAsync(child.Id);

        status.Plans.ShouldBeEmpty();
    }

    [Fact]
    public async Task AllocatedCase_NamesItsWorker_AndACaseAwaitingAllocationNamesTheTeam()
    {
        await using var db = Db();
        var council = await TestData.CreateCouncilAsync(db);
        var worker = new StaffUser { Id = NewId.Next(), UserName = "grace@example", Email = "grace@example", DisplayName = "Grace Lee", TeamId = council.ChildProtection.Id };
        db.Users.Add(worker);
        var held = await TestData.PersonAsync(db, "Maya", "Green", new DateOnly(2019, 8, 1));
        var waiting = await TestData.PersonAsync(db, "Kai", "Robinson", new DateOnly(2017, 2, 1));
        var closed = await TestData.PersonAsync(db, "Oliver", "Price", new DateOnly(2013, 4, 1));
        db.Referrals.Add(new Referral(held.Id, null, new DateOnly(2025, 1, 6), "2A", council.ChildProtection.Id)
            { Status = ReferralStatus.Allocated, AllocatedWorkerId = worker.Id });
        db.Referrals.Add(new Referral(waiting.Id, null, new DateOnly(2026, 2, 27), "3A", council.Assessment.Id));
        db.Referrals.Add(new Referral(closed.Id, null, new DateOnly(2024, 1, 6), "3A", council.Assessment.Id)
            { Status = ReferralStatus.Closed, ClosedOn = new DateOnly(2024, 6, 1) });
        await db.SaveChangesAsync();

        var statuses = await new ChildStatuses(db, new ChildAlerts(db)).ForChildrenAsync([held.Id, waiting.Id, closed.Id]);

        statuses[held.Id].Cases.ShouldBe([new CaseStatus(new DateOnly(2025, 1, 6), ReferralStatus.Allocated, council.ChildProtection.Name, "Grace Lee")]);
        statuses[waiting.Id].Cases.ShouldBe([new CaseStatus(new DateOnly(2026, 2, 27), ReferralStatus.AwaitingAllocation, council.Assessment.Name, null)]);
        statuses[closed.Id].IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task OpenSection47Enquiry_IsShown_AndAnEndedOneIsNot()
    {
        await using var db = Db();
        var (child, referral, _) = await ChildWithReferralAsync(db);
        var (other, otherReferral, _) = await ChildWithReferralAsync(db, "Amara");
        db.Section47Enquiries.Add(new Section47Enquiry(child.Id, referral.Id, new DateOnly(2026, 2, 20)));
        var ended = new Section47Enquiry(other.Id, otherReferral.Id, new DateOnly(2026, 1, 5));
        ended.End(new DateOnly(2026, 1, 20), Section47Outcome.NoFurtherAction);
        db.Section47Enquiries.Add(ended);
        await db.SaveChangesAsync();

        var statuses = await new ChildStatuses(db, new ChildAlerts(db)).ForChildrenAsync([child.Id, other.Id]);

        statuses[child.Id].Enquiries.ShouldBe([new EnquiryStatus(new DateOnly(2026, 2, 20))]);
        statuses[other.Id].Enquiries.ShouldBeEmpty();
    }

    [Fact]
    public async Task LookedAfterChild_IsShownWithTheLegalStatus_AndAnEndedPeriodIsNot()
    {
        await using var db = Db();
        var child = await TestData.PersonAsync(db, "Leo", "Carter", new DateOnly(2014, 1, 1));
        var before = new LookedAfterPeriod(child.Id, new DateOnly(2023, 5, 1), LookedAfterLegalStatus.AccommodatedUnderSection20);
        before.End(new DateOnly(2023, 9, 1));
        db.LookedAfterPeriods.AddRange(before, new LookedAfterPeriod(child.Id, new DateOnly(2025, 10, 6), LookedAfterLegalStatus.CareOrder));
        await db.SaveChangesAsync();

        var status = await new ChildStatuses(db, new ChildAlerts(db)).ForChildAsync(child.Id);

        status.LookedAfter.ShouldBe([new LookedAfterStatus(new DateOnly(2025, 10, 6), LookedAfterLegalStatus.CareOrder)]);
        LookedAfterPeriod.Describe(status.LookedAfter[0].LegalStatus).ShouldBe("care order");
    }

    [Fact]
    public async Task OpenAlertAboutTheChild_IsShown_ButNotOneAcknowledgedOrWhoseWorkIsDone()
    {
        await using var db = Db();
        var council = await TestData.CreateCouncilAsync(db);
        var child = await TestData.PersonAsync(db, "Noah", "Fletcher", new DateOnly(2025, 9, 1));
        var now = _time.GetUtcNow();
        Alert OverdueContact(string message, bool workDone)
        {
            var subject = Guid.NewGuid();
            var item = new WorkItem(WorkKind.ScreeningDecision, subject, "Screen contact", council.FrontDoor.Id, Priority.ChildProtection,
                now.AddDays(-3), now.AddDays(-2), child.Id);
            if (workDone) item.Close(now);
            db.WorkItems.Add(item);
            var alert = new Alert(AlertKind.ContactOverdue, subject, council.FrontDoor.Id, message, now.AddDays(-1), child.Id);
            db.Alerts.Add(alert);
            return alert;
        }
        OverdueContact("Contact C1 about Noah Fletcher is 1 day late", workDone: false);
        OverdueContact("Contact C2 about Noah Fletcher is 2 days late", workDone: true);
        OverdueContact("Contact C3 about Noah Fletcher is 3 days late", workDone: false).Acknowledge(Guid.NewGuid(), now);
        await db.SaveChangesAsync();

        var status = await new ChildStatuses(db, new ChildAlerts(db)).ForChildAsync(child.Id);

        status.Alerts.Select(a => a.Message).ShouldBe(["Contact C1 about Noah Fletcher is 1 day late"]);
        status.Alerts[0].Title.ShouldBe("contact not decided in time");
    }

    [Fact]
    public async Task ChildProtectionFacts_AreTheOpenPlansAndEnquiriesOfTheChildrenAskedAbout()
    {
        await using var db = Db();
        var (onPlan, referral, _) = await ChildWithReferralAsync(db);
        var (inEnquiry, enquiryReferral, _) = await ChildWithReferralAsync(db, "Amara");
        var (planEnded, endedReferral, _) = await ChildWithReferralAsync(db, "Ellie");
        var (notAsked, notAskedReferral, _) = await ChildWithReferralAsync(db, "Jayden");
        db.ChildPlans.Add(new ChildPlan(referral.Id, onPlan.Id, PlanKind.ChildProtection, new DateOnly(2026, 1, 12), "emotional"));
        db.ChildPlans.Add(new ChildPlan(referral.Id, onPlan.Id, PlanKind.ChildInNeed, new DateOnly(2025, 1, 12), null));
        db.Section47Enquiries.Add(new Section47Enquiry(inEnquiry.Id, enquiryReferral.Id, new DateOnly(2026, 2, 25)));
        db.ChildPlans.Add(new ChildPlan(endedReferral.Id, planEnded.Id, PlanKind.ChildProtection, new DateOnly(2024, 1, 12), "neglect") { EndedOn = new DateOnly(2025, 1, 1) });
        db.ChildPlans.Add(new ChildPlan(notAskedReferral.Id, notAsked.Id, PlanKind.ChildProtection, new DateOnly(2024, 1, 12), "neglect"));
        await db.SaveChangesAsync();

        var facts = ChildProtectionFact.Of(db, [onPlan.Id, inEnquiry.Id, planEnded.Id], Today).ToList();

        facts.ShouldBe([
            new ChildProtectionFact { PersonId = onPlan.Id, IsPlan = true, Since = new DateOnly(2026, 1, 12), Category = "emotional" },
            new ChildProtectionFact { PersonId = inEnquiry.Id, IsPlan = false, Since = new DateOnly(2026, 2, 25) },
        ], ignoreOrder: true);
        facts.Single(f => f.IsPlan).Describe("Maya Green").ShouldBe("Maya Green has been on a child protection plan (emotional abuse) since 12 January 2026");
        facts.Single(f => !f.IsPlan).Describe("Amara Green").ShouldBe("Amara Green is the subject of a section 47 enquiry, open since 25 February 2026");
    }

    [Fact]
    public void Section47Enquiry_EndsOnce_AndNotBeforeItStarted()
    {
        var enquiry = new Section47Enquiry(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 2, 20));

        Should.Throw<ArgumentOutOfRangeException>(() => enquiry.End(new DateOnly(2026, 2, 19), Section47Outcome.NoFurtherAction));
        enquiry.End(new DateOnly(2026, 3, 2), Section47Outcome.InitialChildProtectionConference);
        Should.Throw<InvalidOperationException>(() => enquiry.End(new DateOnly(2026, 3, 3), Section47Outcome.NoFurtherAction));

        enquiry.IsOpen.ShouldBeFalse();
        enquiry.Outcome.ShouldBe(Section47Outcome.InitialChildProtectionConference);
        enquiry.EndedOn.ShouldBe(new DateOnly(2026, 3, 2));
    }

    [Fact]
    public void LookedAfterPeriod_EndsOnce_AndNotBeforeItStarted()
    {
        var period = new LookedAfterPeriod(Guid.NewGuid(), new DateOnly(2025, 10, 6), LookedAfterLegalStatus.InterimCareOrder);

        Should.Throw<ArgumentOutOfRangeException>(() => period.End(new DateOnly(2025, 10, 5)));
        period.End(new DateOnly(2026, 1, 6));
        Should.Throw<InvalidOperationException>(() => period.End(new DateOnly(2026, 1, 7)));

        period.IsOpen.ShouldBeFalse();
    }
}
