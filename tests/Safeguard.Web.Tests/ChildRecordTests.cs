using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

public sealed class ChildRecordTests(SafeguardAppFactory app) : AppTests(app)
{
    [Fact]
    public async Task ViewingAChildsRecord_WritesAViewedEventNamingTheViewer()
    {
        var childId = await App.DemoChildIdAsync("Noah");
        var client = await App.SignInAsync("grace.lee@northbridge.example");

        var response = await client.GetAsync($"/children/{childId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = App.CreateDbContext();
        var viewed = await db.Events.Where(e => e.PersonId == childId && e.Type == RecordViewed.Name).ToListAsync();
        viewed.ShouldContain(e => e.ActorName == "Grace Lee");
    }

    [Fact]
    public async Task ChildsRecord_ShowsChangeHistoryFromEvents()
    {
        var childId = await App.DemoChildIdAsync("Maya");
        var client = await App.SignInAsync("grace.lee@northbridge.example");

        var page = await Html.ParseAsync(await client.GetAsync($"/children/{childId}"));

        var history = page.QuerySelector("[data-testid=history]").ShouldNotBeNull().TextContent;
        history.ShouldContain("Person created");
        history.ShouldContain("Demo council seeded");
    }

    [Fact]
    public async Task UnknownChild_IsNotFound()
    {
        var client = await App.SignInAsync("grace.lee@northbridge.example");

        var response = await client.GetAsync($"/children/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Search_ByFamilyName_FindsTheChildren()
    {
        var client = await App.SignInAsync("grace.lee@northbridge.example");

        var page = await client.GetStringAsync("/children?q=wats");

        page.ShouldContain("Ellie Watson");
        page.ShouldContain("Jayden Watson");
    }
}
