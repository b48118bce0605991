using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Seeding;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Chronicling;

/// <summary>A child's chronology page: the demo council's Maya Green, whose case was worked through the services.</summary>
public sealed class ChronologyPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Worker = "grace.lee@northbridge.example";

    [Fact]
    public async Task MayasChronology_ShowsHerStoryOnTheTimeline_LatestFirst_FromTheContactByHealth_AndTheViewIsAudited()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var client = await App.SignInAsync(Worker);

        var page = await Html.ParseAsync(await client.GetAsync($"/children/{maya}/chronology"));

        var items = page.QuerySelectorAll("[data-testid=chronology] .moj-timeline__item").ToList();
        items.Count.ShouldBeGreaterThan(20);
        var times = items.Select(i => DateTimeOffset.Parse(i.QuerySelector("time")!.GetAttribute("datetime")!)).ToList();
        times.ShouldBeInOrder(SortDirection.Descending);
        var oldest = items[^1];
        oldest.QuerySelector(".moj-timeline__title")!.TextContent.ShouldBe("Contact");
        oldest.TextContent.ShouldContain($"Source: {DemoAccounts.Health}");
        items.Select(i => i.GetAttribute("data-kind")).ShouldContain("Conference");
        items.Select(i => i.GetAttribute("data-kind")).ShouldContain("Visit");
        page.QuerySelector("[data-testid=chronology-count]")!.TextContent.ShouldContain($"{items.Count} entries, the latest first");
        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.PersonId == maya && e.Type == RecordViewed.Name && e.ActorName == "Grace Lee")).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task ChoosingVisits_AndADateRange_ShowsOnlyThose_AndSaysHowManyMatch()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var client = await App.SignInAsync(Worker);
        var everything = (await Html.ParseAsync(await client.GetAsync($"/children/{maya}/chronology")))
            .QuerySelectorAll("[data-testid=chronology] .moj-timeline__item").Count();
        var today = Core.Timescales.TimeLimits.UkDay(App.Time.GetUtcNow());
        var from = today.AddDays(-60);

        var response = await client.GetAsync($"/children/{maya}/chronology?Kind=Visit&From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        var items = page.QuerySelectorAll("[data-testid=chronology] .moj-timeline__item").ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.GetAttribute("data-kind") == "Visit");
        items.ShouldAllBe(i => DateOnly.FromDateTime(DateTimeOffset.Parse(i.QuerySelector("time")!.GetAttribute("datetime")!).UtcDateTime) >= from.AddDays(-1));
        page.QuerySelector("[data-testid=chronology-count]")!.TextContent.ShouldContain($"{items.Count} of {everything} entries match");
        page.QuerySelector("input[name=Kind][value=Visit]")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("input[name='From.Day']")!.GetAttribute("value").ShouldBe(from.Day.ToString());
    }

    [Fact]
    public async Task ASource_ShowsOnlyWhatCameFromIt()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var client = await App.SignInAsync(Worker);

        var page = await Html.ParseAsync(await client.GetAsync($"/children/{maya}/chronology?Source={Uri.EscapeDataString(DemoAccounts.Health)}"));

        page.QuerySelectorAll("[data-testid=chronology] .moj-timeline__item").ShouldHaveSingleItem().GetAttribute("data-kind").ShouldBe("Contact");
        page.QuerySelectorAll("select[name=Source] option").Select(o => o.TextContent).ShouldContain(DemoAccounts.Health);
    }

    [Fact]
    public async Task WhatCannotBeRead_IsSaidInWords_WithWhatWasTypedKept_NeverAnError()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var client = await App.SignInAsync(Worker);

        var response = await client.GetAsync($"/children/{maya}/chronology?Kind=Bogus&From.Day=31&From.Month=2&From.Year=2025&To.Day=1&To.Month=1&To.Year=2020");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent;
        summary.ShouldContain("Choose what happened from the list");
        summary.ShouldContain("The \u2018from\u2019 date must be a real date");
        page.QuerySelector("input[name='From.Day']")!.GetAttribute("value").ShouldBe("31");
        page.QuerySelector("input[name='To.Year']")!.GetAttribute("value").ShouldBe("2020");

        var backwards = await client.GetAsync($"/children/{maya}/chronology?From.Day=1&From.Month=1&From.Year=2026&To.Day=1&To.Month=1&To.Year=2025");
        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await backwards.Content.ReadAsStringAsync()).ShouldContain("must be the same as or after");
    }

    [Fact]
    public async Task EachEntry_LinksToItsRecord_WhichOpens_AndTheChildsRecordLinksToTheChronology()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var client = await App.SignInAsync(Worker);
        var record = await Html.ParseAsync(await client.GetAsync($"/children/{maya}"));
        record.QuerySelector("[data-testid=chronology-link]")!.GetAttribute("href").ShouldBe($"/children/{maya}/chronology");

        var page = await Html.ParseAsync(await client.GetAsync($"/children/{maya}/chronology"));
        var links = page.QuerySelectorAll("[data-testid=chronology] a").Select(a => a.GetAttribute("href")!).Distinct().ToList();

        links.ShouldContain(l => l.StartsWith("/assessments/"));
        links.ShouldContain(l => l.StartsWith("/strategy-discussions/"));
        links.ShouldContain(l => l.StartsWith("/conferences/"));
        links.ShouldContain(l => l.StartsWith("/plans/"));
        foreach (var link in links.Where(l => !l.Contains('#')).Take(12))
        {
            (await client.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK, link);
        }
    }

    [Fact]
    public async Task OnPaper_TheChronologyCarriesItsMarking_AndTheChildsIdentifiers_AndARestrictedRecordSaysSo()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var rosie = await App.DemoChildIdAsync("Rosie");
        var client = await App.SignInAsync(Worker);

        var page = await Html.ParseAsync(await client.GetAsync($"/children/{maya}/chronology"));

        page.QuerySelector("[data-testid=print-marking]")!.TextContent.Trim().ShouldBe("OFFICIAL - SENSITIVE");
        var identifiers = page.QuerySelector("[data-testid=print-identifiers]")!.TextContent;
        identifiers.ShouldContain("Maya Green, born ");
        identifiers.ShouldContain("NHS number 543 231 9489");
        identifiers.ShouldContain("Printed by Grace Lee on ");
        page.QuerySelector("[data-testid=chronology-filter]")!.ParentElement!.ClassList.ShouldContain("sg-no-print");

        var restricted = await Html.ParseAsync(await client.GetAsync($"/children/{rosie}/chronology"));
        restricted.QuerySelector("[data-testid=print-marking]")!.TextContent.Trim().ShouldBe("OFFICIAL - SENSITIVE - RESTRICTED RECORD");
    }
}
