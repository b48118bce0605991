using Microsoft.EntityFrameworkCore;
using Safeguard.Core.People;
using Safeguard.Core.Seeding;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>Home pages: a social worker's "My work", a team manager's overview, and everyone else's tray as before.</summary>
public sealed class HomePageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Martin = "martin.hughes@northbridge.example";
    private static string Sam => DemoAccounts.ForRole(Roles.SocialWorker).Email;

    [Fact]
    public async Task ASocialWorkersHome_ListsTheirCases_WithAcceptForOnesNotYetAccepted_AndTheirWorkOverdueFirst()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        Guid waitingAllocation;
        await using (var db = App.CreateDbContext())
        {
            var sam = await db.Users.SingleAsync(u => u.Email == Sam);
            var manager = await db.Users.SingleAsync(u => u.Email == Martin);
            var now = App.Time.GetUtcNow();
            var accepted = new Person("Accepted", "Case" + tag, new DateOnly(2016, 1, 1), Sex.Male);
            var waiting = new Person("Waiting", "Case" + tag, new DateOnly(2016, 1, 1), Sex.Female);
            db.People.AddRange(accepted, waiting);
            TestAllocations.Add(db, accepted.Id, sam.Id, sam.TeamId!.Value, manager.Id, now.AddDays(-10), acceptedAt: now.AddDays(-9));
            waitingAllocation = TestAllocations.Add(db, waiting.Id, sam.Id, sam.TeamId!.Value, manager.Id, now.AddHours(-2)).Id;
            var work = new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default()));
            void Give(string title, Priority priority, DateTimeOffset due)
            {
                var item = work.Open(WorkKind.Visit, Guid.NewGuid(), $"{tag} {title}", sam.TeamId!.Value, priority, accepted.Id, now.AddDays(-30), due);
                work.Reassign(item, sam.TeamId!.Value, sam.Id);
            }
            Give("child protection visit due tomorrow", Priority.ChildProtection, now.AddDays(1));
            Give("standard visit a day late", Priority.Standard, now.AddDays(-1));
            Give("urgent visit an hour late", Priority.Urgent, now.AddHours(-1));
            await db.SaveChangesAsync();
        }
        var client = await App.SignInAsync(Sam);

        var page = Html.Parse(await client.GetStringAsync("/"));

        var cases = page.QuerySelector("[data-testid='cases']").ShouldNotBeNull();
        cases.TextContent.ShouldContain("Accepted Case" + tag);
        var accept = cases.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == $"/allocation/cases/{waitingAllocation}/accept");
        accept.TextContent.ShouldContain("Accept");
        var mine = page.QuerySelectorAll("[data-testid='open-work'] tbody tr a").Select(a => a.TextContent).Where(t => t.StartsWith(tag)).ToList();
        mine.ShouldBe([$"{tag} urgent visit an hour late", $"{tag} standard visit a day late", $"{tag} child protection visit due tomorrow"]);
        page.QuerySelector("[data-testid='open-work'] caption")!.TextContent.ShouldContain("overdue first");
        page.QuerySelector("#unallocated").ShouldBeNull("the manager's sections are not on a worker's home page");
        page.QuerySelector("#not-accepted").ShouldBeNull();
    }

    [Fact]
    public async Task ATeamManagersHome_ShowsWaitingReferrals_CasesNotYetAccepted_AndOverdueWorkByWorker()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        Guid samId;
        await using (var db = App.CreateDbContext())
        {
            var sam = await db.Users.SingleAsync(u => u.Email == Sam);
            samId = sam.Id;
            var manager = await db.Users.SingleAsync(u => u.Email == Martin);
            var now = App.Time.GetUtcNow();
            var child = new Person("Notyet", "Accepted" + tag, new DateOnly(2016, 1, 1), Sex.Female);
            db.People.Add(child);
            var allocation = TestAllocations.Add(db, child.Id, sam.Id, sam.TeamId!.Value, manager.Id, now.AddHours(-3));
            var work = new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default()));
            var accept = work.Open(WorkKind.AcceptAllocation, allocation.Id, $"Accept a new case: Notyet Accepted{tag}", sam.TeamId!.Value,
                Priority.Standard, child.Id, now.AddHours(-3));
            work.Reassign(accept, sam.TeamId!.Value, sam.Id);
            var late = work.Open(WorkKind.Visit, Guid.NewGuid(), $"{tag} late visit", sam.TeamId!.Value, Priority.Standard, child.Id, now.AddDays(-9), now.AddDays(-2));
            work.Reassign(late, sam.TeamId!.Value, sam.Id);
            work.Open(WorkKind.Allocation, Guid.NewGuid(), $"Allocate {tag}", sam.TeamId!.Value, Priority.Urgent, child.Id, now.AddHours(-1));
            await db.SaveChangesAsync();
        }
        var client = await App.SignInAsync(Martin);

        var page = Html.Parse(await client.GetStringAsync("/"));

        page.QuerySelector("[data-testid='unallocated']")!.TextContent.ShouldContain($"Allocate {tag}");
        var notAccepted = page.QuerySelector("[data-testid='not-accepted']").ShouldNotBeNull();
        notAccepted.TextContent.ShouldContain("Notyet Accepted" + tag);
        notAccepted.TextContent.ShouldContain("Sam Okafor");
        var overdue = page.QuerySelectorAll("[data-testid='overdue-by-worker'] tbody tr")
            .Single(r => r.QuerySelector("a")?.GetAttribute("href") == $"/caseloads/workers/{samId}");
        int.Parse(overdue.QuerySelectorAll("td")[1].TextContent.Trim()).ShouldBeGreaterThanOrEqualTo(1);
        page.QuerySelector("[data-testid='open-work']").ShouldNotBeNull("the team's tray is still there");
        page.QuerySelector("[data-testid='cases']").ShouldBeNull("a manager's home page lists no cases of their own");
    }

    [Fact]
    public async Task AFrontDoorWorkersHome_IsStillTheirTeamsTray()
    {
        var client = await App.SignInAsRoleAsync(Roles.FrontDoorWorker);

        var page = Html.Parse(await client.GetStringAsync("/"));

        page.QuerySelector("[data-testid='open-work'] caption")!.TextContent.ShouldContain("most urgent first");
        page.QuerySelector("#my-cases").ShouldBeNull();
        page.QuerySelector("#unallocated").ShouldBeNull();
    }

    [Fact]
    public async Task AFrontDoorWorkersHome_LeadsEachContactToScreen_StraightToItsDecision()
    {
        var client = await App.SignInAsync("priya.shah@northbridge.example");

        var home = Html.Parse(await client.GetStringAsync("/"));

        var screening = home.QuerySelectorAll("[data-testid='open-work'] a")
            .Where(a => a.TextContent.StartsWith("Screen contact about", StringComparison.Ordinal)).ToList();
        screening.ShouldNotBeEmpty();
        screening.ShouldAllBe(a => a.GetAttribute("href")!.StartsWith("/front-door/contacts/", StringComparison.Ordinal));
        var decision = Html.Parse(await client.GetStringAsync(screening[0].GetAttribute("href")!));
        decision.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldContain("Record decision");
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.TeamManager)]
    [InlineData(Roles.FrontDoorWorker)]
    public async Task EveryoneWhoMaySeeChildren_CanSearchForOneFromTheirHome_WithAFormThatWorksWithoutJavaScript(string role)
    {
        var client = await App.SignInAsRoleAsync(role);

        var home = Html.Parse(await client.GetStringAsync("/"));

        var form = home.QuerySelector("form[role=search]").ShouldNotBeNull();
        (form.GetAttribute("method"), form.GetAttribute("action")).ShouldBe(("get", "/children"));
        form.QuerySelector("input[name=q]").ShouldNotBeNull();
        home.QuerySelector("#search-results").ShouldNotBeNull();
    }

    [Fact]
    public async Task APartnersHome_HasNoChildSearch()
    {
        var client = await App.SignInAsRoleAsync(Roles.PartnerReferrer);

        var home = Html.Parse(await client.GetStringAsync("/"));

        home.QuerySelector("form[role=search]").ShouldBeNull();
        home.QuerySelector("#search-results").ShouldBeNull();
    }
}
