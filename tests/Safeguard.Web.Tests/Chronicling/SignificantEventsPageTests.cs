using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Chronology;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Chronicling;

/// <summary>Marking chronology entries significant and adding significant events from the chronology page; the family chronology.</summary>
public sealed class SignificantEventsPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Worker = "grace.lee@northbridge.example", Manager = "chloe.adams@northbridge.example";

    private static string Chronology(Guid child) => $"/children/{child}/chronology";

    private async Task<long> EntryAsync(Guid child, ChronologyKind kind)
    {
        await using var db = App.CreateDbContext();
        return (await new ChildChronologies(db).ForChildAsync(child, new ChronologyFilter())).Entries.First(e => e.Kind == kind && e.Significant is null).EventId;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var token = SafeguardAppFactory.AntiforgeryToken(await client.GetStringAsync(page));
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task AWorkerMarksAnEntrySignificant_ItShowsTheReason_AndTheSignificantFilterFindsIt()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var entry = await EntryAsync(maya, ChronologyKind.Conference);
        var client = await App.SignInAsync(Worker);

        var response = await PostAsync(client, Chronology(maya), "Mark", new() { ["EntryId"] = $"{entry}", ["Reason"] = "The plan began here" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"{Chronology(maya)}#entry-{entry}");
        var page = await Html.ParseAsync(await client.GetAsync($"{Chronology(maya)}?SignificantOnly=true"));
        var item = page.QuerySelectorAll("[data-testid=chronology] .moj-timeline__item").ShouldHaveSingleItem();
        item.Id.ShouldBe($"entry-{entry}");
        item.QuerySelector("[data-testid=significant-reason]")!.TextContent.ShouldContain("The plan began here (Grace Lee,");
        item.QuerySelector("form").ShouldBeNull();
    }

    [Fact]
    public async Task AMarkWithoutAReason_IsRefusedInWords_WithThatEntrysFormOpen()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var entry = await EntryAsync(maya, ChronologyKind.Assessment);
        var client = await App.SignInAsync(Worker);

        var response = await PostAsync(client, Chronology(maya), "Mark", new() { ["EntryId"] = $"{entry}", ["Reason"] = "  " });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Enter why this is significant");
        page.QuerySelector($"#entry-{entry} details")!.HasAttribute("open").ShouldBeTrue();
        page.QuerySelectorAll("[data-testid=chronology] details[open]").Length.ShouldBe(1);
        page.QuerySelector("textarea#Reason").ShouldNotBeNull();
    }

    [Fact]
    public async Task SomeoneWhoDoesNotRecordCaseNotes_SeesNoForms_AndIsRefused_AndARestrictedChildIsNotFound()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var rosie = await App.DemoChildIdAsync("Rosie");
        var entry = await EntryAsync(maya, ChronologyKind.Contact);
        var frontDoor = await App.SignInAsync("priya.shah@northbridge.example");

        (await frontDoor.GetStringAsync(Chronology(maya))).ShouldNotContain("Mark as significant");
        var token = SafeguardAppFactory.AntiforgeryToken(await frontDoor.GetStringAsync(Chronology(maya)));
        var refused = await frontDoor.PostAsync($"{Chronology(maya)}?handler=Mark",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["EntryId"] = $"{entry}", ["Reason"] = "x", ["__RequestVerificationToken"] = token }));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var notOnTheList = await App.SignInAsync("sam.okafor@northbridge.example");
        var samToken = SafeguardAppFactory.AntiforgeryToken(await notOnTheList.GetStringAsync(Chronology(maya)));
        var hidden = await notOnTheList.PostAsync($"{Chronology(rosie)}?handler=Add",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["What"] = "x", ["AddedSource"] = "y", ["__RequestVerificationToken"] = samToken }));
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = App.CreateDbContext();
        (await db.Events.AnyAsync(e => e.PersonId == maya && e.Type == ChronologyEntryMarkedSignificant.Name && e.ActorName == "Priya Shah")).ShouldBeFalse();
        (await db.Events.AnyAsync(e => e.PersonId == rosie && e.Type == SignificantEventAdded.Name)).ShouldBeFalse();
    }

    [Fact]
    public async Task AddingAnEvent_SaysEverythingWrongAtOnce_KeepsWhatWasTyped_ThenAddsIt()
    {
        var harvey = await App.DemoChildIdAsync("Harvey");
        var client = await App.SignInAsync("sophie.turner@northbridge.example");
        var yesterday = Core.Timescales.TimeLimits.UkDay(App.Time.GetUtcNow()).AddDays(-1);

        var wrong = await PostAsync(client, Chronology(harvey), "Add", new()
        {
            ["HappenedOn.Day"] = "31", ["HappenedOn.Month"] = "2", ["HappenedOn.Year"] = "2026", ["HappenedTime"] = "25:99",
            ["What"] = "Harvey seen at A&E with a burn on his hand", ["AddedSource"] = "", ["AddedKind"] = "Bruise",
        });

        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(wrong);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        summary.ShouldContain("The date it happened must be a real date");
        summary.ShouldContain("Enter the time as hours and minutes, for example 14:30");
        summary.ShouldContain("Enter where the information came from");
        summary.ShouldContain("Choose what kind of event it was from the list");
        page.QuerySelector("[data-testid=add-event]")!.HasAttribute("open").ShouldBeTrue();
        page.QuerySelector("textarea[name=What]")!.TextContent.ShouldBe("Harvey seen at A&E with a burn on his hand");
        page.QuerySelector("input[name='HappenedOn.Day']")!.GetAttribute("value").ShouldBe("31");

        var added = await PostAsync(client, Chronology(harvey), "Add", new()
        {
            ["HappenedOn.Day"] = $"{yesterday.Day}", ["HappenedOn.Month"] = $"{yesterday.Month}", ["HappenedOn.Year"] = $"{yesterday.Year}",
            ["HappenedTime"] = "", ["What"] = "Harvey seen at A&E with a burn on his hand", ["AddedSource"] = "Phone call from the A&E nurse",
            ["AddedKind"] = "Injury",
        });

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await Html.ParseAsync(await client.GetAsync($"{Chronology(harvey)}?Kind=Added"));
        var item = after.QuerySelectorAll("[data-testid=chronology] .moj-timeline__item").ShouldHaveSingleItem();
        item.QuerySelector(".moj-timeline__title")!.TextContent.ShouldBe("Significant event");
        item.QuerySelector("time")!.TextContent.ShouldBe(yesterday.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        item.TextContent.ShouldContain("Source: Phone call from the A&E nurse");
        item.TextContent.ShouldContain("Injury: Harvey seen at A&E with a burn on his hand");
        item.GetAttribute("data-significant").ShouldBe("yes");
    }

    [Fact]
    public async Task TwoPeopleMarkingTheSameEntryAtOnce_OneIsKept_TheOtherIsToldSo()
    {
        var poppy = await App.DemoChildIdAsync("Poppy");
        var entry = await EntryAsync(poppy, ChronologyKind.StrategyDiscussion);
        var ravi = await App.SignInAsync("ravi.kumar@northbridge.example");
        var chloe = await App.SignInAsync(Manager);
        var tokens = await Task.WhenAll(ravi.GetStringAsync(Chronology(poppy)), chloe.GetStringAsync(Chronology(poppy)));

        HttpContent Form(string reason, string page) => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["EntryId"] = $"{entry}", ["Reason"] = reason, ["__RequestVerificationToken"] = SafeguardAppFactory.AntiforgeryToken(page),
        });
        var responses = await Task.WhenAll(
            ravi.PostAsync($"{Chronology(poppy)}?handler=Mark", Form("Police and health agreed a joint visit", tokens[0])),
            chloe.PostAsync($"{Chronology(poppy)}?handler=Mark", Form("Decision to begin section 47", tokens[1])));

        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        var other = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        other.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await other.Content.ReadAsStringAsync()).ShouldContain("Someone else");
        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.PersonId == poppy && e.Type == ChronologyEntryMarkedSignificant.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task TheFamilyChronology_AddsTheOtherChildrenOfTheHousehold_LabelledByChild_AndAuditsTheirViews()
    {
        var ellie = await App.DemoChildIdAsync("Ellie");
        var jayden = await App.DemoChildIdAsync("Jayden");
        var client = await App.SignInAsync("hannah.wright@northbridge.example");

        var page = await Html.ParseAsync(await client.GetAsync($"{Chronology(ellie)}?Family=true"));

        page.QuerySelector("[data-testid=family-children]")!.TextContent.ShouldContain("Jayden Watson");
        var titles = page.QuerySelectorAll(".moj-timeline__title").Select(t => t.TextContent).ToList();
        titles.ShouldContain(t => t.EndsWith(": Jayden Watson"));
        titles.ShouldContain(t => t.EndsWith(": Ellie Watson"));
        await using var db = App.CreateDbContext();
        (await db.Events.AnyAsync(e => e.PersonId == jayden && e.Type == RecordViewed.Name && e.ActorName == "Hannah Wright")).ShouldBeTrue();
    }
}
