using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

public sealed class ChildFamilyTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string SocialWorker = "sam.okafor@northbridge.example";

    [Fact]
    public async Task AddingTheSameParentToTwoChildren_ShowsTheHouseholdOnBoth_AndAsksAPersonWhetherTheTwoRecordsAreOne()
    {
        var client = await App.SignInAsync(SocialWorker);
        var ellie = await App.DemoChildIdAsync("Ellie");
        var jayden = await App.DemoChildIdAsync("Jayden");
        var mother = new Dictionary<string, string>
        {
            ["Kind"] = "Parent", ["GivenName"] = "Sarah", ["FamilyName"] = "Watson",
            ["DateOfBirth.Day"] = "14", ["DateOfBirth.Month"] = "2", ["DateOfBirth.Year"] = "1990", ["Postcode"] = "NB1 4QT",
        };

        (await SafeguardAppFactory.PostFormAsync(client, $"/children/{ellie}/family/add", mother)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SafeguardAppFactory.PostFormAsync(client, $"/children/{jayden}/family/add", mother)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await Html.ParseAsync(await client.GetAsync($"/children/{ellie}"));
        page.QuerySelector("[data-testid=household]").ShouldNotBeNull().TextContent.ShouldContain("Sarah Watson");
        await using var db = App.CreateDbContext();
        // Name, date of birth and postcode without an address line are not decisive (DecisiveMatchRule): the second is a
        // record of its own, and a person decides whether the two are one.
        var sarahs = await db.People.Where(p => p.GivenName == "Sarah" && p.FamilyName == "Watson").Select(p => p.Id).ToListAsync();
        sarahs.Count.ShouldBe(2);
        (await db.DuplicateCandidates.CountAsync(d => d.Status == Core.People.DuplicateStatus.Open
            && sarahs.Contains(d.PersonId1) && sarahs.Contains(d.PersonId2))).ShouldBe(1);
        (await db.Events.AnyAsync(e => e.PersonId == ellie && e.Reason == "Parent recorded")).ShouldBeTrue();
    }

    [Fact]
    public async Task AddingAnAlias_MakesTheChildFindableByIt()
    {
        var client = await App.SignInAsync(SocialWorker);
        var amara = await App.DemoChildIdAsync("Amara");

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/children/{amara}/names/add",
            new() { ["Kind"] = "Alias", ["GivenName"] = "Mara", ["FamilyName"] = "Stone" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/children?q=mara+stone")).ShouldContain("Amara Okoye");
    }

    /// <summary>Found by the fuzz suite: a word of dashes and apostrophes ("--") was taken for a name with no first part, a 500.</summary>
    [Theory]
    [InlineData("--")]
    [InlineData("'-' amara")]
    [InlineData("-- -a '")]
    public async Task ASearchOfDashesAndApostrophes_IsAnAnswer_NotAServerError(string query)
    {
        var client = await App.SignInAsync(SocialWorker);

        var response = await client.GetAsync("/children?q=" + Uri.EscapeDataString(query));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AddingAFamilyMember_WithoutDetails_ExplainsWhatIsMissing()
    {
        var client = await App.SignInAsync(SocialWorker);
        var ellie = await App.DemoChildIdAsync("Ellie");

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/children/{ellie}/family/add",
            new() { ["GivenName"] = "Tom", ["DateOfBirth.Day"] = "40" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent;
        text.ShouldContain("Select who they are to the child");
        text.ShouldContain("Enter their last name");
        text.ShouldContain("Date of birth must be a real date");
    }
}
