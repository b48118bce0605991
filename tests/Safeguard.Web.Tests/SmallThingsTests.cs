using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>Search by dates as people type them, children first; implausible dates of birth; the duplicate review link.</summary>
public sealed class SmallThingsTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string SocialWorker = "sam.okafor@northbridge.example";

    private async Task<(Person Child, Person Adult)> FamilyAsync(string family)
    {
        var today = DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime);
        await using var db = App.CreateDbContext();
        // "Aaron" sorts before "Zoe": only the age puts the child first.
        var adult = new Person("Aaron", family, today.AddYears(-40), Sex.Male);
        var child = new Person("Zoe", family, new DateOnly(2019, 5, 31), Sex.Female);
        db.People.AddRange(adult, child);
        await db.SaveChangesAsync();
        return (child, adult);
    }

    [Fact]
    public async Task Search_ByFamilyName_ListsChildrenBeforeAdults()
    {
        var (child, adult) = await FamilyAsync("Quenby");
        var client = await App.SignInAsync(SocialWorker);

        var page = await Html.ParseAsync(await client.GetAsync("/children?q=Quenby"));

        var links = page.QuerySelectorAll("main table a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldBe([$"/children/{child.Id}", $"/children/{adult.Id}"]);
        page.QuerySelector("main h2")!.TextContent.ShouldContain("2 people found");
    }

    [Theory]
    [InlineData("31/5/19", "Brackenbury")]
    [InlineData("31/05/2019", "Dunwoody")]
    [InlineData("31 May 2019", "Fitzwilliam")]
    [InlineData("31 may 19", "Hollingsworth")]
    public async Task Search_ByNameAndDateAsTyped_FindsTheChild(string date, string family)
    {
        var (child, _) = await FamilyAsync(family);
        var client = await App.SignInAsync(SocialWorker);

        var page = await Html.ParseAsync(await client.GetAsync($"/children?q={Uri.EscapeDataString($"{family} {date}")}"));

        var links = page.QuerySelectorAll("main table a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldBe([$"/children/{child.Id}"]);
        page.QuerySelector("main h2")!.TextContent.ShouldContain("1 person found");
    }

    [Fact]
    public async Task Search_ImpossibleDate_ShowsAPageNotAnError()
    {
        var client = await App.SignInAsync(SocialWorker);

        var response = await client.GetAsync($"/children?q={Uri.EscapeDataString("31/2/19")}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("1800", "Date of birth must be the same as or after 1 January 1900")]
    [InlineData("2091", "Date of birth must be today or in the past")]
    public async Task AddFamilyMember_ImplausibleYearOfBirth_IsRefusedWithAGovUkError(string year, string message)
    {
        var client = await App.SignInAsync(SocialWorker);
        var ellie = await App.DemoChildIdAsync("Ellie");

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/children/{ellie}/family/add", new()
        {
            ["Kind"] = "Parent", ["GivenName"] = "Ada", ["FamilyName"] = "Oldfield",
            ["DateOfBirth.Day"] = "14", ["DateOfBirth.Month"] = "2", ["DateOfBirth.Year"] = year,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(message);
        page.QuerySelector("#DateOfBirth-error")?.TextContent.ShouldContain(message);
        page.QuerySelector("[name='DateOfBirth.Year']")!.GetAttribute("value").ShouldBe(year);
        page.QuerySelector("[name='DateOfBirth.Year']")!.ClassList.ShouldContain("govuk-input--error");
        await using var db = App.CreateDbContext();
        (await db.People.AnyAsync(p => p.FamilyName == "Oldfield")).ShouldBeFalse();
    }

    [Fact]
    public async Task Navigation_ForSomeoneWhoReviewsDuplicates_LinksToTheDuplicateReview()
    {
        var client = await App.SignInAsRoleAsync(Roles.TeamManager);

        var page = await Html.ParseAsync(await client.GetAsync("/"));

        var link = page.QuerySelectorAll(".govuk-service-navigation__link").SingleOrDefault(a => a.GetAttribute("href") == "/people/duplicates");
        link.ShouldNotBeNull().TextContent.Trim().ShouldBe("Duplicates");
        (await client.GetAsync("/people/duplicates")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Roles.FrontDoorWorker)]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.PartnerReferrer)]
    public async Task Navigation_ForSomeoneWhoCannotReviewDuplicates_HasNoLinkToIt(string role)
    {
        var client = await App.SignInAsRoleAsync(role);

        var page = await Html.ParseAsync(await client.GetAsync("/"));

        page.QuerySelectorAll(".govuk-service-navigation__link").ShouldNotBeEmpty();
        page.QuerySelectorAll(".govuk-service-navigation__link").ShouldNotContain(a => a.GetAttribute("href") == "/people/duplicates");
    }
}
