using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.People;
using Safeguard.Core.People.Access;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Householding;

/// <summary>
/// Recording a child's move and the end of a relationship from their record: the chronology then tells it; a form that
/// cannot be saved comes back with what was typed; people who may not are refused; two moves at once save one.
/// </summary>
public sealed class HouseholdPagesTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Grace = "grace.lee@northbridge.example";
    private const string Sam = "sam.okafor@northbridge.example";
    private const string ChangedElsewhere = "Someone else changed this while you were working on it";

    private static Dictionary<string, string> Move(string line1 = "12 Oak Road", string day = "20", string postcode = "NB1 4QT") => new()
    {
        ["Line1"] = line1, ["Town"] = "Northbridge", ["Postcode"] = postcode,
        ["MovedOn.Day"] = day, ["MovedOn.Month"] = "2", ["MovedOn.Year"] = "2026",
    };

    [Fact]
    public async Task AMove_RecordedFromTheChildsRecord_IsTheirAddressNow_AndInTheirChronology()
    {
        var grace = await App.SignInAsync(Grace);
        var maya = await App.DemoChildIdAsync("Maya");
        var record = await Html.ParseAsync(await grace.GetAsync($"/children/{maya}"));
        record.QuerySelector("[data-testid=change-address]").ShouldNotBeNull().GetAttribute("href").ShouldBe($"/children/{maya}/address");

        var response = await SafeguardAppFactory.PostFormAsync(grace, $"/children/{maya}/address", Move());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/children/{maya}");
        var after = await Html.ParseAsync(await grace.GetAsync($"/children/{maya}"));
        after.QuerySelector("[data-testid=address]")!.TextContent.ShouldContain("12 Oak Road, Northbridge, NB1 4QT");
        after.QuerySelector(".govuk-notification-banner--success")!.TextContent.ShouldContain("Address changed");
        var chronology = await Html.ParseAsync(await grace.GetAsync($"/children/{maya}/chronology?Kind=Household"));
        var entry = chronology.QuerySelector("[data-testid=chronology]").ShouldNotBeNull().TextContent;
        entry.ShouldContain("Moved to 12 Oak Road, Northbridge, NB1 4QT on 20 February 2026 (from 5 Elm Close, Northbridge, NB2 3EF)");
        entry.ShouldContain("Household and address");
        entry.ShouldContain("Grace Lee");
    }

    [Fact]
    public async Task AMoveThatCannotBeSaved_ComesBackWithTheProblems_AndWhatWasTyped()
    {
        var sam = await App.SignInAsync(Sam);
        var oliver = await App.DemoChildIdAsync("Oliver");

        var response = await SafeguardAppFactory.PostFormAsync(sam, $"/children/{oliver}/address", new()
        {
            ["Line1"] = "7 Cedar Row", ["Town"] = "", ["Postcode"] = "NB9", ["MovedOn.Day"] = "3", ["MovedOn.Month"] = "3", ["MovedOn.Year"] = "2026",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent;
        summary.ShouldContain("Enter the town or city");
        summary.ShouldContain("Enter a real postcode, like NB1 4QT");
        summary.ShouldContain("The date they moved must be today or in the past");
        Field(page, "Line1").ShouldBe("7 Cedar Row");
        Field(page, "Postcode").ShouldBe("NB9");
        Field(page, "MovedOn.Day").ShouldBe("3");
        await using var db = App.CreateDbContext();
        (await db.PersonAddresses.AnyAsync(a => a.PersonId == oliver && a.Line1 == "7 Cedar Row")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("pc.jones@police.example")]
    [InlineData("ruth.morgan@northbridge.example")]
    public async Task PeopleWhoMayNotEditARecord_AreRefused_AndNothingIsSaved(string email)
    {
        var client = await App.SignInAsync(email);
        var kai = await App.DemoChildIdAsync("Kai");
        var grace = await App.SignInAsync(Grace);
        var form = await grace.GetStringAsync($"/children/{kai}/address");

        (await client.GetAsync($"/children/{kai}/address")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Posted with a token of their own (from their home page) and the form as a worker's page would have it.
        var token = SafeguardAppFactory.AntiforgeryToken(await client.GetStringAsync(email.EndsWith("police.example") ? "/partner" : "/"));
        var post = await client.PostAsync($"/children/{kai}/address", new FormUrlEncodedContent(Html.AsPosted(form, $"/children/{kai}/address", Move())
            .Append(new("__RequestVerificationToken", token))));

        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.CreateDbContext();
        (await db.PersonAddresses.AnyAsync(a => a.PersonId == kai && a.Line1 == "12 Oak Road")).ShouldBeFalse();
        if (email == "ruth.morgan@northbridge.example")
        {
            // She may read the record, but is offered no link to change it.
            (await Html.ParseAsync(await client.GetAsync($"/children/{kai}"))).QuerySelector("[data-testid=change-address]").ShouldBeNull();
        }
    }

    [Fact]
    public async Task ARestrictedChild_IsNotFound_ToAWorkerNotOnTheList_AndNothingIsSaved()
    {
        var sam = await App.SignInAsync(Sam);
        var grace = await App.SignInAsync(Grace);
        var rosie = await App.DemoChildIdAsync("Rosie");
        var url = $"/children/{rosie}/address";
        var gracesForm = await grace.GetStringAsync(url);

        (await sam.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var post = await sam.PostAsync(url, new FormUrlEncodedContent(Html.AsPosted(gracesForm, url, Move())
            .Append(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await sam.GetStringAsync($"/children/{await App.DemoChildIdAsync("Kai")}/address"))))));

        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        gracesForm.ShouldContain("Rosie Bennett");
        var samId = await App.UserIdAsync(Sam);
        await using var db = App.CreateDbContext();
        (await db.PersonAddresses.AnyAsync(a => a.PersonId == rosie && a.Line1 == "12 Oak Road")).ShouldBeFalse();
        (await db.Events.AnyAsync(e => e.Type == RecordAccessRefused.Name && e.ActorUserId == samId && e.PersonId == rosie)).ShouldBeTrue();
    }

    [Fact]
    public async Task TwoMovesFromTheSamePageAtOnce_OneIsSaved_TheOtherIsToldItChangedElsewhere()
    {
        var sam = await App.SignInAsync(Sam);
        var grace = await App.SignInAsync(Grace);
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var child = await NewChildAsync($"Round{round}");

            var both = await AtOnce.PostAsync(sam, grace, $"/children/{child}/address", Move("12 Oak Road"), Move("3 Ash Grove", day: "21"));

            both.Both().Select(r => r.StatusCode).OrderBy(s => s).ToList().ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Conflict], $"round {round}");
            var refused = await Html.ParseAsync(both.Both().Single(r => r.StatusCode == HttpStatusCode.Conflict));
            refused.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain(ChangedElsewhere);
            refused.QuerySelector("[data-changed-elsewhere]").ShouldNotBeNull().TextContent.ShouldContain("Moved to");
            await using var db = App.CreateDbContext();
            (await db.PersonAddresses.CountAsync(a => a.PersonId == child && a.To == null)).ShouldBe(1, $"round {round}");
            (await db.Events.CountAsync(e => e.PersonId == child && e.Type == AddressChanged.Name)).ShouldBe(1, $"round {round}");
        }
    }

    [Fact]
    public async Task ACarerAddedWithTheDaySinceWhen_AndEndedFromTheRecord_AreBothInTheChronology()
    {
        var sam = await App.SignInAsync(Sam);
        var amara = await App.DemoChildIdAsync("Amara");
        (await SafeguardAppFactory.PostFormAsync(sam, $"/children/{amara}/family/add", new()
        {
            ["Kind"] = "Carer", ["GivenName"] = "Joy", ["FamilyName"] = "Okoye", ["Since.Day"] = "1", ["Since.Month"] = "9", ["Since.Year"] = "2025",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var record = await Html.ParseAsync(await sam.GetAsync($"/children/{amara}"));
        var end = record.QuerySelectorAll("[data-testid=end-relationship]").Single(a => a.TextContent.Contains("Joy Okoye")).GetAttribute("href")!;

        var tooEarly = await SafeguardAppFactory.PostFormAsync(sam, end, new()
        {
            ["EndedOn.Day"] = "31", ["EndedOn.Month"] = "8", ["EndedOn.Year"] = "2025", ["Reason"] = "Moved back to Lagos",
        });
        tooEarly.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refused = await Html.ParseAsync(tooEarly);
        refused.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("The date it ended must be the same as or after 1 September 2025, when it began");
        (refused.QuerySelector("textarea[name=Reason]") as IHtmlTextAreaElement)!.Value.ShouldBe("Moved back to Lagos");

        var ended = await SafeguardAppFactory.PostFormAsync(sam, end, new()
        {
            ["EndedOn.Day"] = "14", ["EndedOn.Month"] = "2", ["EndedOn.Year"] = "2026", ["Reason"] = "Moved back to Lagos",
        });

        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ended.Headers.Location!.ToString().ShouldBe($"/children/{amara}#family");
        var chronology = (await Html.ParseAsync(await sam.GetAsync($"/children/{amara}/chronology?Kind=Household")))
            .QuerySelector("[data-testid=chronology]").ShouldNotBeNull().TextContent;
        chronology.ShouldContain("Joy Okoye recorded as a carer from 1 September 2025");
        chronology.ShouldContain("Joy Okoye no longer a carer from 14 February 2026: Moved back to Lagos");
        (await sam.GetAsync(end)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "an ended relationship has nothing left to end");
        (await Html.ParseAsync(await sam.GetAsync($"/children/{amara}"))).QuerySelectorAll("[data-testid=end-relationship]")
            .ShouldNotContain(a => a.TextContent.Contains("Joy Okoye"));
    }

    private async Task<Guid> NewChildAsync(string given)
    {
        await using var db = App.CreateDbContext();
        var person = new Person(given, "Mover", new DateOnly(2018, 5, 5), Sex.Male);
        person.Addresses.Add(new PersonAddress("9 Birch Lane", "Northbridge", "NB3 1AA", new DateOnly(2023, 1, 1)));
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    private static string? Field(IHtmlDocument page, string name) => (page.QuerySelector($"input[name='{name}']") as IHtmlInputElement)?.Value;
}
