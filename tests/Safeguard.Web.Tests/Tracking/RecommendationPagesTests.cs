using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.People.Access;
using Safeguard.Core.Recommendations;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Tracking;

/// <summary>The review recommendations tracker through its pages, as forms without JavaScript post them.</summary>
public sealed class RecommendationPagesTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Helen = "helen.price@northbridge.example";
    private const string Omar = "omar.farouk@northbridge.example";

    private async Task<Dictionary<string, string>> AddFormAsync(string text, string? owner = Helen) => new()
    {
        ["Source"] = nameof(RecommendationSource.SeriousCaseReview), ["SourceName"] = "SCR Baby M",
        ["SourceDate.Day"] = "12", ["SourceDate.Month"] = "1", ["SourceDate.Year"] = "2026",
        ["Text"] = text, ["OwnerUserId"] = owner is null ? "" : (await App.UserIdAsync(owner)).ToString(),
        ["DueOn.Day"] = "30", ["DueOn.Month"] = "4", ["DueOn.Year"] = "2026",
    };

    private async Task<Guid> AddAsync(HttpClient client, string text)
    {
        var response = await SafeguardAppFactory.PostFormAsync(client, "/recommendations/add", await AddFormAsync(text));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    private async Task<Guid> ActionIdAsync(Guid id)
    {
        await using var db = App.CreateDbContext();
        return await db.RecommendationActions.Where(a => a.RecommendationId == id).OrderBy(a => a.Number).Select(a => a.Id).FirstAsync();
    }

    [Fact]
    public async Task AServiceManagerAddsARecommendation_ItIsListed_AndItsPageShowsItsOwnerDueDateAndHistory()
    {
        var helen = await App.SignInAsync(Helen);
        var id = await AddAsync(helen, "Every strategy discussion records which agencies took part");

        var list = Html.Parse(await helen.GetStringAsync("/recommendations?source=SeriousCaseReview"));
        list.QuerySelectorAll("[data-testid=recommendation] a").ShouldContain(a => a.GetAttribute("href") == $"/recommendations/{id}");
        var page = Html.Parse(await helen.GetStringAsync($"/recommendations/{id}"));
        page.QuerySelector("[data-testid=owner]")!.TextContent.ShouldBe("Helen Price");
        page.QuerySelector("[data-testid=due]")!.TextContent.ShouldBe("30 April 2026");
        page.QuerySelector("[data-testid=status]")!.TextContent.Trim().ShouldBe("Not started");
        page.QuerySelector("[data-testid=history]")!.TextContent.ShouldContain("Recommendation added from serious case review SCR Baby M");
    }

    [Fact]
    public async Task BadInput_Is400_WithTheErrorSummary_AndKeepsWhatWasTyped()
    {
        var helen = await App.SignInAsync(Helen);
        var form = await AddFormAsync("Keep these words", owner: null);
        form["DueOn.Day"] = "31";
        form["DueOn.Month"] = "2";

        var response = await SafeguardAppFactory.PostFormAsync(helen, "/recommendations/add", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = Html.Parse(await response.Content.ReadAsStringAsync());
        var summary = html.QuerySelector(".govuk-error-summary")!.TextContent;
        summary.ShouldContain("Select the owner");
        summary.ShouldContain("The due date must be a real date");
        html.QuerySelector("#Text")!.TextContent.Trim().ShouldBe("Keep these words");
        html.QuerySelector("#SourceName")!.GetAttribute("value").ShouldBe("SCR Baby M");
    }

    [Fact]
    public async Task CompletingWithNoEvidence_Is400_ThenWithEvidence_TheRecommendationIsCompleted()
    {
        var helen = await App.SignInAsync(Helen);
        var id = await AddAsync(helen, "Complete me");
        var refused = await SafeguardAppFactory.PostFormAsync(helen, $"/recommendations/{id}/status", new() { ["Status"] = "Completed" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain(CompletionNeedsEvidenceRule.Message);

        (await SafeguardAppFactory.PostFormAsync(helen, $"/recommendations/{id}/actions/new", new() { ["Text"] = "Write the guidance" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var badLink = await SafeguardAppFactory.PostFormAsync(helen, $"/recommendations/{id}/evidence/new",
            new() { ["ActionId"] = (await ActionIdAsync(id)).ToString(), ["Text"] = "Guidance published", ["Link"] = "https://elsewhere.example" });
        badLink.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Html.Parse(await badLink.Content.ReadAsStringAsync()).QuerySelector("#Text")!.TextContent.Trim().ShouldBe("Guidance published");
        (await SafeguardAppFactory.PostFormAsync(helen, $"/recommendations/{id}/evidence/new",
            new() { ["ActionId"] = (await ActionIdAsync(id)).ToString(), ["Text"] = "Guidance published", ["Link"] = "/oversight/backlog" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var done = await SafeguardAppFactory.PostFormAsync(helen, $"/recommendations/{id}/status", new() { ["Status"] = "Completed" });

        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = Html.Parse(await helen.GetStringAsync($"/recommendations/{id}"));
        page.QuerySelector("[data-testid=status]")!.TextContent.Trim().ShouldBe("Completed");
        page.QuerySelector("[data-testid=manage-links]").ShouldBeNull();
    }

    [Fact]
    public async Task TwoManagersAddingAtOnce_OneIsSaved_TheOtherGets409_WithWhatTheyTyped()
    {
        var helen = await App.SignInAsync(Helen);
        var omar = await App.SignInAsync(Omar);
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var id = await AddAsync(helen, $"Race {round}");
            var url = $"/recommendations/{id}/actions/new";

            var both = (await AtOnce.PostAsync(helen, omar, url, new Dictionary<string, string> { ["Text"] = "Helen's action" },
                new Dictionary<string, string> { ["Text"] = "Omar's action" })).Both();

            both.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Conflict], ignoreOrder: true);
            var refused = Html.Parse(await both.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync());
            refused.QuerySelector("[data-testid=changed-elsewhere]")!.TextContent.ShouldContain("Someone else changed this while you were working on it");
            refused.QuerySelector("#Text")!.TextContent.Trim().ShouldEndWith("'s action");
            await using var db = App.CreateDbContext();
            (await db.RecommendationActions.CountAsync(a => a.RecommendationId == id)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task ASocialWorker_IsRefused_AndAPerformanceAnalyst_MayReadButNotAdd()
    {
        var worker = await App.SignInAsync("sam.okafor@northbridge.example");
        (await worker.GetAsync("/recommendations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await worker.GetAsync("/recommendations/add")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await worker.PostAsync("/recommendations/add", new FormUrlEncodedContent(await AddFormAsync("Sneaky")))).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);

        var analyst = await App.SignInAsync("nina.patel@northbridge.example");
        (await analyst.GetAsync("/recommendations/summary")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await analyst.GetAsync("/recommendations/add")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.CreateDbContext();
        (await db.Recommendations.AnyAsync(r => r.Text == "Sneaky")).ShouldBeFalse();
    }

    [Fact]
    public async Task Export_ReturnsAnXlsx_WithEveryRecommendationAndItsStatus()
    {
        var director = await App.SignInAsync("david.clarke@northbridge.example");

        var response = await director.GetAsync("/recommendations/export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(RecommendationsWorkbook.ContentType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        await using var db = App.CreateDbContext();
        rows.Count.ShouldBe(await db.Recommendations.CountAsync() + 1);
        rows.Skip(1).ShouldContain(r => r.Contains("ILACS inspection") && r.Contains("Overdue"), "the demo's overdue recommendation");
    }

    [Fact]
    public async Task EvidenceLinkedToARestrictedChild_ShowsTheRestrictedTitle_ToSomeoneNotOnTheList()
    {
        var helen = await App.SignInAsync(Helen);
        var id = await AddAsync(helen, "Restricted evidence");
        await SafeguardAppFactory.PostFormAsync(helen, $"/recommendations/{id}/actions/new", new() { ["Text"] = "Look at one child's plan" });
        var rosie = await App.DemoChildIdAsync("Rosie");
        (await SafeguardAppFactory.PostFormAsync(helen, $"/recommendations/{id}/evidence/new",
            new() { ["ActionId"] = (await ActionIdAsync(id)).ToString(), ["Text"] = "Her plan was reviewed", ["Link"] = rosie.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var helensView = await helen.GetStringAsync($"/recommendations/{id}");
        helensView.ShouldContain("Rosie Bennett");
        var omar = await App.SignInAsync(Omar);
        var omarsView = await omar.GetStringAsync($"/recommendations/{id}");
        omarsView.ShouldNotContain("Rosie");
        omarsView.ShouldNotContain(rosie.ToString());
        omarsView.ShouldContain(NeedToKnow.RestrictedTitle);
    }
}
