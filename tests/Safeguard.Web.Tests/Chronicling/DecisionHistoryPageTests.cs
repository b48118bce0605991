using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Chronology;
using Safeguard.Core.Conferences;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Chronicling;

/// <summary>
/// The child's history before every decision: the screening decision, a strategy discussion, an allocation and an initial
/// conference each show it, and record on the child's record that it was shown.
/// </summary>
public sealed class DecisionHistoryPageTests(SafeguardAppFactory app) : AppTests(app), IAsyncLifetime
{
    public Task InitializeAsync() => QualifyWorkersAsync(App);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<DecisionHistoryShown?> ShownAsync(Guid child, string where, string actor)
    {
        await using var db = App.CreateDbContext();
        var shown = await db.Events.Where(e => e.PersonId == child && e.Type == DecisionHistoryShown.Name && e.ActorName == actor)
            .OrderByDescending(e => e.Id).Select(e => e.Data).ToListAsync();
        return shown.Select(d => Core.Audit.EventCatalogue.Read(DecisionHistoryShown.Name, d)).OfType<DecisionHistoryShown>().FirstOrDefault(s => s.Where == where);
    }

    private static string Text(AngleSharp.Dom.IElement section, string testId) => section.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    [Fact]
    public async Task TheScreeningDecision_ShowsLilysYear_HerClosedCase_AndHerPlan_AndRecordsThatItDid()
    {
        var lily = await App.DemoChildIdAsync("Lily");
        Guid contact;
        await using (var db = App.CreateDbContext())
        {
            contact = await db.Contacts.Where(c => c.Status == ContactStatus.AwaitingDecision && c.Children.Any(ch => ch.PersonId == lily))
                .Select(c => c.Id).SingleAsync();
        }
        var client = await App.SignInAsync("priya.shah@northbridge.example");

        var page = await Html.ParseAsync(await client.GetAsync($"/front-door/contacts/{contact}"));

        var history = page.QuerySelector("[data-testid=decision-history]").ShouldNotBeNull();
        Text(history, "history-contacts").ShouldBe("1");
        history.TextContent.ShouldContain("(information and advice)");
        Text(history, "history-referrals").ShouldBe("1");
        history.TextContent.ShouldContain(", the last closed on");
        Text(history, "history-plans").ShouldStartWith("Child in need plan 1,");
        history.QuerySelector("[data-testid=history-repeat-plan]").ShouldBeNull();
        Text(history, "history-injuries").ShouldBe("0");
        var shown = (await ShownAsync(lily, "the screening decision", "Priya Shah")).ShouldNotBeNull();
        (shown.ContactsInLastYear, shown.Referrals, shown.Plans).ShouldBe((1, 1, 1));
    }

    [Fact]
    public async Task AStrategyDiscussion_AboutAChildOnAPlan_SaysANewPlanWouldBeHerSecond()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var client = await App.SignInAsync("grace.lee@northbridge.example");

        var page = await Html.ParseAsync(await client.GetAsync($"/children/{maya}/strategy-discussions/new"));

        var history = page.QuerySelector("[data-testid=decision-history]").ShouldNotBeNull();
        Text(history, "history-repeat-plan").ShouldBe("A child protection plan now would be plan 2");
        Text(history, "history-plans").ShouldStartWith("Child protection plan 1,");
        (await ShownAsync(maya, "a strategy discussion", "Grace Lee")).ShouldNotBeNull();
    }

    [Fact]
    public async Task AnAllocation_ShowsTheHistoryLeavingOutTheReferralBeingAllocated()
    {
        var referral = await ReferralAsync(App, "Hollie");
        var client = await App.SignInAsync(Martin);

        var page = await Html.ParseAsync(await client.GetAsync($"/allocation/referrals/{referral.Id}"));

        var history = page.QuerySelector("[data-testid=decision-history]").ShouldNotBeNull();
        Text(history, "history-referrals").ShouldBe("0");
        Text(history, "history-contacts").ShouldBe("0");
        page.QuerySelectorAll("[data-testid=child-status]").Length.ShouldBeLessThanOrEqualTo(1);
        (await ShownAsync(referral.PersonId, "an allocation", "Martin Hughes")).ShouldNotBeNull();
    }

    [Fact]
    public async Task AnInitialConference_ShowsTheHistoryToTheChair()
    {
        var referral = await ReferralAsync(App, "Tilly");
        await AllocateAsync(App, referral, Martin, Sam);
        StaffUser sam;
        await using (var db = App.CreateDbContext()) sam = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Sam);
        var enquiry = await ConferenceTestData.EnquiryNeedingConferenceAsync(App.Database, App.Time, sam, referral.PersonId);
        var chair = DemoAccounts.ForRole(Roles.ConferenceChair);
        var client = await App.SignInAsync(chair.Email);

        var page = await Html.ParseAsync(await client.GetAsync($"/section47/{enquiry}/conference"));

        page.QuerySelector("[data-testid=decision-history]").ShouldNotBeNull();
        (await ShownAsync(referral.PersonId, "an initial child protection conference", chair.DisplayName)).ShouldNotBeNull();
    }
}
