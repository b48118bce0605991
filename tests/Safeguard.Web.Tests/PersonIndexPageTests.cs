using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>Duplicate review, merge and unmerge through the pages, as a team manager would.</summary>
public sealed class PersonIndexPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private async Task<(Person A, Person B, DuplicateCandidate Candidate)> PairAsync(string family)
    {
        await using var db = App.CreateDbContext();
        var a = new Person("Poppy", family, new DateOnly(2019, 4, 9), Sex.Female) { NhsNumber = null };
        a.Addresses.Add(new PersonAddress("3 Elm Road", "Northbridge", "NB3 3CC", new DateOnly(2021, 1, 1)));
        var b = new Person("Popi", family, new DateOnly(2019, 4, 9), Sex.Female);
        db.People.AddRange(a, b);
        var candidate = new DuplicateCandidate(a.Id, b.Id, 14.2, "Possible",
            "[\"Given name: sounds alike (partial agreement, +3.1)\",\"Date of birth: the same (+11.0)\"]", DuplicateFoundBy.Intake, App.Time.GetUtcNow());
        db.DuplicateCandidates.Add(candidate);
        await db.SaveChangesAsync();
        return (a, b, candidate);
    }

    private Task<HttpClient> ManagerAsync() => App.SignInAsRoleAsync(Roles.TeamManager);

    [Fact]
    public async Task ReviewPage_ShowsBothRecordsSideBySide_WithTheExplanation()
    {
        var (_, _, candidate) = await PairAsync("Kerr");
        var client = await ManagerAsync();

        var list = await client.GetStringAsync("/people/duplicates");
        list.ShouldContain($"/people/duplicates/{candidate.Id}");
        list.ShouldContain("Poppy Kerr");
        list.ShouldContain("Popi Kerr");
        var page = await Html.ParseAsync(await client.GetAsync($"/people/duplicates/{candidate.Id}"));

        var sides = page.QuerySelector("[data-testid=side-by-side]").ShouldNotBeNull().TextContent;
        sides.ShouldContain("Poppy Kerr");
        sides.ShouldContain("Popi Kerr");
        sides.ShouldContain("NB3 3CC");
        page.QuerySelector("[data-testid=explanation]").ShouldNotBeNull().TextContent.ShouldContain("Date of birth: the same");
    }

    [Fact]
    public async Task Merge_ByPostWithAntiforgery_MovesTheRecordAndTheMergedRecordRedirects_ThenUnmergeRestores()
    {
        var (a, b, candidate) = await PairAsync("Lowe");
        var client = await ManagerAsync();

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/people/duplicates/{candidate.Id}?handler=Merge",
            new() { ["SurvivorId"] = a.Id.ToString(), ["MergeReason"] = "Same child, name mistyped by the school" }, $"/people/duplicates/{candidate.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/children/{a.Id}");
        var redirect = await client.GetAsync($"/children/{b.Id}");
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location!.ToString().ShouldContain(a.Id.ToString());
        Guid mergeId;
        await using (var db = App.CreateDbContext())
        {
            (await db.People.SingleAsync(p => p.Id == b.Id)).MergedIntoPersonId.ShouldBe(a.Id);
            (await db.DuplicateCandidates.SingleAsync(c => c.Id == candidate.Id)).Status.ShouldBe(DuplicateStatus.Merged);
            mergeId = (await db.PersonMerges.SingleAsync(m => m.MergedId == b.Id)).Id;
            (await db.Events.CountAsync(e => e.PersonId == a.Id && e.Type == PersonMerged.Name && e.ActorName != "")).ShouldBe(1);
        }
        (await client.GetStringAsync($"/children/{a.Id}")).ShouldContain($"/people/merges/{mergeId}");

        var undo = await SafeguardAppFactory.PostFormAsync(client, $"/people/merges/{mergeId}?handler=Unmerge",
            new() { ["UnmergeReason"] = "Twins after all" }, $"/people/merges/{mergeId}");

        undo.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = App.CreateDbContext())
        {
            (await db.People.SingleAsync(p => p.Id == b.Id)).MergedIntoPersonId.ShouldBeNull();
        }
        (await client.GetAsync($"/children/{b.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Merge_WithoutChoiceOrReason_Is400WithGovUkErrors()
    {
        var (_, _, candidate) = await PairAsync("Marsh");
        var client = await ManagerAsync();

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/people/duplicates/{candidate.Id}?handler=Merge",
            new() { ["SurvivorId"] = "not-a-guid", ["MergeReason"] = "" }, $"/people/duplicates/{candidate.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("Select the record to keep");
        html.ShouldContain("Enter why these records are the same person");
    }

    [Fact]
    public async Task NotTheSamePerson_WithAReason_ClosesThePair()
    {
        var (_, _, candidate) = await PairAsync("Nash");
        var client = await ManagerAsync();

        var empty = await SafeguardAppFactory.PostFormAsync(client, $"/people/duplicates/{candidate.Id}?handler=NotDuplicate",
            new() { ["NotDuplicateReason"] = " " }, $"/people/duplicates/{candidate.Id}");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var response = await SafeguardAppFactory.PostFormAsync(client, $"/people/duplicates/{candidate.Id}?handler=NotDuplicate",
            new() { ["NotDuplicateReason"] = "Cousins, different mothers" }, $"/people/duplicates/{candidate.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.CreateDbContext();
        (await db.DuplicateCandidates.SingleAsync(c => c.Id == candidate.Id)).Status.ShouldBe(DuplicateStatus.NotDuplicate);
    }

    [Fact]
    public async Task ReviewPage_ForASocialWorker_Is403()
    {
        var (_, _, candidate) = await PairAsync("Oakes");
        var client = await App.SignInAsRoleAsync(Roles.SocialWorker);

        (await client.GetAsync($"/people/duplicates/{candidate.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/people/duplicates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Candidates_ReturnsAFragmentOfLikelyRecords_AndBadInputIs400()
    {
        var client = await App.SignInAsRoleAsync(Roles.FrontDoorWorker);

        var fragment = await client.GetStringAsync("/people/candidates?givenName=Ellie&familyName=Watson&nhsNumber=9434765919");
        fragment.ShouldContain("Ellie Watson");
        fragment.ShouldNotContain("<html");
        var bad = await client.GetAsync("/people/candidates?givenName=Ellie&dateOfBirth=31/02/2019&nhsNumber=123");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Enter a valid NHS number");
    }

    [Fact]
    public async Task Search_FragmentFindsSoundAlikeNames()
    {
        var client = await App.SignInAsync(DemoAccounts.ForRole(Roles.SocialWorker).Email);

        var fragment = await client.GetStringAsync("/children?handler=results&q=Eli%20Watsen");

        fragment.ShouldContain("Ellie Watson");
        fragment.ShouldNotContain("<html");
    }
}
