using System.Net;
using Safeguard.Core.Audit;
using Safeguard.Core.Oversight;
using Safeguard.Core.Security;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>The child's history and the audit trail show events by their typed description, and rows stored before events were typed.</summary>
public sealed class EventHistoryPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Admin = "alex.admin@northbridge.example";
    /// <summary>Searches the audit trail by child (Permissions.AuditChildRecords), which an administrator cannot.</summary>
    private const string Director = "david.clarke@northbridge.example";
    private static readonly Actor OldSystem = new(null, "Old System User");

    [Fact]
    public async Task EventsStoredBeforeTheirKindWasTyped_StillShowOnTheChildsHistoryAndTheAuditTrail()
    {
        var childId = await App.DemoChildIdAsync("Ellie");
        await using (var db = App.CreateDbContext())
        {
            var at = App.Time.GetUtcNow().AddDays(-40);
            db.Events.AddRange(
                // An alert's data was once just its kind; a change's values were JSON numbers and strings.
                new EventRecord(AlertRaised.Name, at, OldSystem, "Contact C0 about Ellie is 3 hours late (an old alert)")
                    { PersonId = childId, SubjectType = nameof(Alert), SubjectId = Guid.NewGuid(), Data = "ContactOverdue" },
                new EventRecord(RecordChanged.Name, at.AddDays(1), OldSystem, "Old summary of an address change")
                    { PersonId = childId, SubjectType = "PersonAddress", SubjectId = Guid.NewGuid(), Data = """{"Postcode":["NB1 4QT","NB1 5XY"],"Version":[3,4]}""" },
                new EventRecord("retired.kind-of-event", at.AddDays(2), OldSystem, "A kind of event no longer written")
                    { PersonId = childId, Data = "{}" });
            await db.SaveChangesAsync();
        }

        var worker = await App.SignInAsync("grace.lee@northbridge.example");
        var record = await Html.ParseAsync(await worker.GetAsync($"/children/{childId}"));
        var history = record.QuerySelector("[data-testid=history]").ShouldNotBeNull().TextContent;
        history.ShouldContain("Contact C0 about Ellie is 3 hours late (an old alert)");
        history.ShouldContain("Person address changed", Case.Sensitive, "the old change reads as a typed change of its entity");
        history.ShouldContain("A kind of event no longer written");

        var director = await App.SignInAsync(Director);
        var audit = await Html.ParseAsync(await director.GetAsync("/admin/audit?Person=Ellie+Watson"));
        var rows = audit.QuerySelectorAll("[data-testid=audit-results] tbody tr").Where(r => r.TextContent.Contains(OldSystem.Name)).ToList();
        rows.Count.ShouldBe(3);
        rows.ShouldContain(r => r.TextContent.Contains("Contact C0 about Ellie is 3 hours late (an old alert)"));
        rows.ShouldContain(r => r.TextContent.Contains("Person address changed"));
        rows.ShouldContain(r => r.TextContent.Contains("A kind of event no longer written"));
    }

    [Fact]
    public async Task AuditSearch_ByKindOfEvent_ListsOnlyThatKind()
    {
        var childId = await App.DemoChildIdAsync("Jayden");
        await (await App.SignInAsync("sam.okafor@northbridge.example")).GetAsync($"/children/{childId}");
        var director = await App.SignInAsync(Director);

        var page = await Html.ParseAsync(await director.GetAsync($"/admin/audit?Person=Jayden+Watson&Kind={Uri.EscapeDataString(RecordViewed.Name)}"));

        var rows = page.QuerySelectorAll("[data-testid=audit-results] tbody tr");
        rows.Length.ShouldBeGreaterThan(0);
        rows.ShouldAllBe(r => r.TextContent.Contains("Viewed the record of Jayden Watson"));
        page.QuerySelector($"#Kind option[value='{RecordViewed.Name}']").ShouldNotBeNull().HasAttribute("selected").ShouldBeTrue();
    }

    [Fact]
    public async Task AuditSearch_ForAKindThatDoesNotExist_ExplainsTheProblem()
    {
        var admin = await App.SignInAsync(Admin);

        var response = await admin.GetAsync("/admin/audit?Kind=no.such-kind");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent.ShouldContain("Select a kind of event from the list");
        page.QuerySelector("[data-testid=audit-results]").ShouldBeNull();
    }

    [Fact]
    public async Task AuditSearch_SecondPage_ShowsTheNextEvents_AndAMangledPageNumberShowsTheFirst()
    {
        // The director reads the entries' words, which tell the pages apart (an administrator sees kinds only).
        var director = await App.SignInAsync(Director);

        var first = await RowsAsync(director, "/admin/audit?pageNumber=1");
        var second = await RowsAsync(director, "/admin/audit?pageNumber=2");
        var mangled = await RowsAsync(director, "/admin/audit?pageNumber=two");

        first.Count.ShouldBe(50, "the demo council has more than a page of events");
        second.ShouldNotBeEmpty();
        second.ShouldNotBe(first);
        mangled.Count.ShouldBe(50);
    }

    private static async Task<List<string>> RowsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await Html.ParseAsync(response)).QuerySelectorAll("[data-testid=audit-results] tbody tr").Select(r => r.TextContent).ToList();
    }
}
