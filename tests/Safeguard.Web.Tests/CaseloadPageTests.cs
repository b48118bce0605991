using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Allocation;
using Safeguard.Core.People;
using Safeguard.Core.People.Access;
using Safeguard.Core.Seeding;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>The team, worker and service caseload pages: who may see them, what they count, and restricted children.</summary>
public sealed class CaseloadPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Martin = "martin.hughes@northbridge.example";
    private const string Helen = "helen.price@northbridge.example";

    /// <summary>A new social worker in the assessment team with a full-time, experienced staff record.</summary>
    private async Task<StaffUser> NewWorkerAsync(string name, EmploymentKind employment = EmploymentKind.Permanent)
    {
        await using var db = App.CreateDbContext();
        var team = await db.Teams.SingleAsync(t => t.Name == DemoAccounts.AssessmentTeam);
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.SocialWorker);
        var email = $"{Guid.NewGuid():N}@northbridge.example";
        var user = new StaffUser
        {
            Id = Core.Data.NewId.Next(), UserName = email, Email = email, DisplayName = name, TeamId = team.Id, Employment = employment,
            FullTimeEquivalent = 1.0, PracticeStartedOn = new DateOnly(2015, 9, 1), IsQualified = true,
            SocialWorkEnglandNumber = "SW100234", RegistrationRenewsOn = new DateOnly(2027, 11, 30),
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>Gives <paramref name="worker"/> a case for each new child named, allocated at <paramref name="at"/>.</summary>
    private async Task<List<Guid>> GiveCasesAsync(StaffUser worker, DateTimeOffset at, params string[] childNames)
    {
        await using var db = App.CreateDbContext();
        var manager = await db.Users.SingleAsync(u => u.Email == Martin);
        var ids = new List<Guid>();
        foreach (var name in childNames)
        {
            var child = new Person(name.Split(' ')[0], name.Split(' ')[1], new DateOnly(2016, 6, 1), Sex.Female);
            db.People.Add(child);
            TestAllocations.Add(db, child.Id, worker.Id, worker.TeamId!.Value, manager.Id, at);
            ids.Add(child.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.SocialWorkAssistant)]
    [InlineData(Roles.FrontDoorWorker)]
    [InlineData(Roles.PartnerReferrer)]
    [InlineData(Roles.SystemAdministrator)]
    public async Task CaseloadPages_AreRefused_ToPeopleWhoDoNotManageCaseloads(string role)
    {
        var client = await App.SignInAsRoleAsync(role);
        var sam = await App.UserIdAsync(DemoAccounts.ForRole(Roles.SocialWorker).Email);

        foreach (var path in new[] { "/caseloads/teams", "/caseloads/service", $"/caseloads/workers/{sam}" })
        {
            (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }
    }

    [Fact]
    public async Task ATeamManager_LandsOnTheirOwnTeam_WithEachWorkersLoadAndCapacity_OverCapacityInRed()
    {
        var busy = await NewWorkerAsync("Brenda Overloaded " + Guid.NewGuid().ToString("N")[..4], EmploymentKind.Agency);
        var names = Enumerable.Range(0, 21).Select(i => $"Over Load{(char)('a' + i)}").ToArray();
        await GiveCasesAsync(busy, App.Time.GetUtcNow().AddDays(-20), names);
        var client = await App.SignInAsync(Martin);

        var page = Html.Parse(await client.GetStringAsync("/caseloads/teams"));

        page.QuerySelector("h1")!.TextContent.ShouldBe(DemoAccounts.AssessmentTeam);
        var row = page.QuerySelector($"tr[data-worker='{busy.Id}']").ShouldNotBeNull();
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        cells[0].ShouldBe("21");
        cells[1].ShouldStartWith("21 of 20");
        row.QuerySelector(".govuk-tag--red")!.TextContent.ShouldBe("105% over capacity");
        row.TextContent.ShouldContain("Agency");
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/caseloads/workers/{busy.Id}");
        page.QuerySelector("[data-testid='team-choices']")!.TextContent.ShouldContain(DemoAccounts.ChildProtectionTeam);
        (await client.GetAsync($"/caseloads/teams/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SomeoneWithNoTeam_ChoosesATeam()
    {
        var client = await App.SignInAsync(Helen);

        var page = Html.Parse(await client.GetStringAsync("/caseloads/teams"));

        page.QuerySelector("h1")!.TextContent.ShouldBe("Caseloads");
        page.QuerySelectorAll("[data-testid='team-choices'] a").Select(a => a.TextContent).ShouldContain(DemoAccounts.AssessmentTeam);
    }

    [Fact]
    public async Task AWorkersCaseloadPage_ShowsARestrictedChild_AsRestrictedRecord_ToAManagerNotOnTheList()
    {
        var worker = await NewWorkerAsync("Wren Holder " + Guid.NewGuid().ToString("N")[..4]);
        var rosie = await App.DemoChildIdAsync("Rosie");
        await using (var db = App.CreateDbContext())
        {
            var manager = await db.Users.SingleAsync(u => u.Email == Martin);
            TestAllocations.Add(db, rosie, worker.Id, worker.TeamId!.Value, manager.Id, App.Time.GetUtcNow().AddDays(-3));
            await db.SaveChangesAsync();
        }
        await GiveCasesAsync(worker, App.Time.GetUtcNow().AddDays(-1), "Open Caseload");

        var hidden = await (await App.SignInAsync(Martin)).GetStringAsync($"/caseloads/workers/{worker.Id}");
        var shown = await (await App.SignInAsync(Helen)).GetStringAsync($"/caseloads/workers/{worker.Id}");

        hidden.ShouldNotContain("Rosie");
        hidden.ShouldNotContain(rosie.ToString());
        hidden.ShouldContain(NeedToKnow.RestrictedTitle);
        hidden.ShouldContain("Open Caseload");
        hidden.ShouldContain("Not yet accepted");
        shown.ShouldContain("Rosie Bennett");
        (await (await App.SignInAsync(Martin)).GetAsync($"/caseloads/workers/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheServicePage_ListsChildrenWithThreeWorkersInAYear_LeavingOutAndCountingRestrictedOnes()
    {
        var tag = Guid.NewGuid().ToString("N")[..4];
        var first = await NewWorkerAsync("First Worker " + tag);
        var second = await NewWorkerAsync("Second Worker " + tag);
        var third = await NewWorkerAsync("Third Worker " + tag, EmploymentKind.Agency);
        var now = App.Time.GetUtcNow();
        var rosie = await App.DemoChildIdAsync("Rosie");
        var many = new Person("Manyworkers", "Child" + tag, new DateOnly(2015, 1, 1), Sex.Male);
        await using (var db = App.CreateDbContext())
        {
            var manager = await db.Users.SingleAsync(u => u.Email == Martin);
            db.People.Add(many);
            foreach (var child in new[] { many.Id, rosie })
            {
                TestAllocations.Add(db, child, first.Id, first.TeamId!.Value, manager.Id, now.AddMonths(-10), endedAt: now.AddMonths(-6));
                TestAllocations.Add(db, child, second.Id, first.TeamId!.Value, manager.Id, now.AddMonths(-6), endedAt: now.AddMonths(-1));
                TestAllocations.Add(db, child, third.Id, first.TeamId!.Value, manager.Id, now.AddMonths(-1), acceptedAt: now.AddDays(-29));
            }
            await db.SaveChangesAsync();
        }

        var forMartin = Html.Parse(await (await App.SignInAsync(Martin)).GetStringAsync("/caseloads/service"));
        var forHelen = Html.Parse(await (await App.SignInAsync(Helen)).GetStringAsync("/caseloads/service"));

        var listed = forMartin.QuerySelector("[data-testid='many-workers']")!.TextContent;
        listed.ShouldContain($"Manyworkers Child{tag}");
        listed.ShouldContain("Third Worker " + tag);
        forMartin.Body!.TextContent.ShouldNotContain("Rosie");
        forMartin.QuerySelector("[data-testid='many-workers-hidden']")!.TextContent.ShouldContain("1 more child is not listed");
        forHelen.QuerySelector("[data-testid='many-workers']")!.TextContent.ShouldContain("Rosie Bennett");
        forHelen.QuerySelector("[data-testid='many-workers-hidden']").ShouldBeNull();
        var assessment = forMartin.QuerySelectorAll("[data-testid='service-caseloads'] tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == DemoAccounts.AssessmentTeam);
        assessment.QuerySelectorAll("td").Last().TextContent.ShouldContain(" of ", Case.Sensitive, "agency workers of the workers holding cases");
        forMartin.QuerySelector("[data-testid='agency-share']")!.TextContent.ShouldEndWith("%");
        var martin = await App.UserIdAsync(Martin);
        await using var check = App.CreateDbContext();
        (await check.Events.AnyAsync(e => e.Type == PeopleListed.Name && e.ActorUserId == martin && e.Data!.Contains(many.Id.ToString())))
            .ShouldBeTrue("listing children on the service page is recorded");
    }
}
