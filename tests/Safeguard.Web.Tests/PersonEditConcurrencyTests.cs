using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>Two workers changing one child's record: one change is saved, the other person is told what changed and keeps what they typed.</summary>
public sealed class PersonEditConcurrencyTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Sam = "sam.okafor@northbridge.example";
    private const string Grace = "grace.lee@northbridge.example";
    private const string ChangedElsewhere = "Someone else changed this while you were working on it";

    [Fact]
    public async Task ANameSavedFromAPageMadeBeforeSomeoneElsesChange_IsRefused_ShowsTheChange_AndKeepsWhatWasTyped()
    {
        var sam = await App.SignInAsync(Sam);
        var grace = await App.SignInAsync(Grace);
        var child = await App.DemoChildIdAsync("Ellie");
        var url = $"/children/{child}/names/add";
        var samsPage = await sam.GetStringAsync(url);

        (await SafeguardAppFactory.PostFormAsync(grace, url, new() { ["Kind"] = "Alias", ["GivenName"] = "Elle", ["FamilyName"] = "W" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var samsName = new Dictionary<string, string> { ["Kind"] = "Previous", ["GivenName"] = "Eleanor", ["FamilyName"] = "Brook" };
        var late = await sam.PostAsync(url, new FormUrlEncodedContent(
            Html.AsPosted(samsPage, url, samsName).Append(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(samsPage)))));

        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await Html.ParseAsync(late);
        page.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain(ChangedElsewhere);
        var changes = page.QuerySelector("[data-changed-elsewhere]").ShouldNotBeNull().TextContent;
        changes.ShouldContain("Alias recorded");
        changes.ShouldContain("Grace Lee");
        Field(page, "input[name=GivenName]").ShouldBe("Eleanor");
        Field(page, "input[name=FamilyName]").ShouldBe("Brook");
        await using (var db = App.CreateDbContext())
        {
            (await db.PersonNames.AnyAsync(n => n.PersonId == child && n.GivenName == "Eleanor")).ShouldBeFalse("nothing of the late save is kept");
        }

        // Saving again from the page that came back adds the name to the record as it is now.
        var again = await sam.PostAsync(url, new FormUrlEncodedContent(Html.AsPosted(page.DocumentElement.OuterHtml, url, samsName)
            .Append(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(page.DocumentElement.OuterHtml)))));
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var check = App.CreateDbContext();
        (await check.PersonNames.CountAsync(n => n.PersonId == child && (n.GivenName == "Eleanor" || n.GivenName == "Elle"))).ShouldBe(2);
    }

    [Fact]
    public async Task TwoWorkersAddingNamesToOneChildAtOnce_OneIsSaved_TheOtherIsAskedToCheck()
    {
        var sam = await App.SignInAsync(Sam);
        var grace = await App.SignInAsync(Grace);
        var child = await App.DemoChildIdAsync("Amara");
        var url = $"/children/{child}/names/add";
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var both = await AtOnce.PostAsync(sam, grace, url,
                new Dictionary<string, string> { ["Kind"] = "Alias", ["GivenName"] = $"Sam{round}", ["FamilyName"] = "O" },
                new Dictionary<string, string> { ["Kind"] = "Alias", ["GivenName"] = $"Grace{round}", ["FamilyName"] = "O" });

            both.Both().Select(r => r.StatusCode).OrderBy(s => s).ToList().ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Conflict], $"round {round}");
            var refused = both.Both().Single(r => r.StatusCode == HttpStatusCode.Conflict);
            (await refused.Content.ReadAsStringAsync()).ShouldContain(ChangedElsewhere);
            await using var db = App.CreateDbContext();
            (await db.PersonNames.CountAsync(n => n.PersonId == child && (n.GivenName == $"Sam{round}" || n.GivenName == $"Grace{round}")))
                .ShouldBe(1, $"round {round}");
        }
    }

    [Fact]
    public async Task AFamilyMemberSavedFromAStalePage_IsRefused_AndKeepsWhatWasTyped()
    {
        var sam = await App.SignInAsync(Sam);
        var child = await App.DemoChildIdAsync("Jayden");
        var url = $"/children/{child}/family/add";
        var stalePage = await sam.GetStringAsync(url);
        (await SafeguardAppFactory.PostFormAsync(sam, $"/children/{child}/names/add",
            new() { ["Kind"] = "Alias", ["GivenName"] = "Jay", ["FamilyName"] = "W" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var relative = new Dictionary<string, string>
        {
            ["Kind"] = "Parent", ["GivenName"] = "Marcus", ["FamilyName"] = "Reid", ["DateOfBirth.Day"] = "3", ["DateOfBirth.Month"] = "7",
            ["DateOfBirth.Year"] = "1985", ["Postcode"] = "NB2 7RT",
        };
        var late = await sam.PostAsync(url, new FormUrlEncodedContent(Html.AsPosted(stalePage, url, relative)
            .Append(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(stalePage)))));

        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await Html.ParseAsync(late);
        page.QuerySelector("[data-changed-elsewhere]").ShouldNotBeNull().TextContent.ShouldContain("Alias recorded");
        Field(page, "input[name=GivenName]").ShouldBe("Marcus");
        Field(page, "input[name='DateOfBirth.Year']").ShouldBe("1985");
        await using var db = App.CreateDbContext();
        (await db.People.AnyAsync(p => p.GivenName == "Marcus" && p.FamilyName == "Reid")).ShouldBeFalse();
    }

    private static string? Field(AngleSharp.Html.Dom.IHtmlDocument page, string selector) =>
        (page.QuerySelector(selector) as AngleSharp.Html.Dom.IHtmlInputElement)?.Value;
}
