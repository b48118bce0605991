using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.People.Access;
using Safeguard.Core.Returns;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Returning;

/// <summary>
/// The Annex A pages: the performance analyst asks for the lists for a period, sees how far the export has got, and
/// downloads the workbook (export and download audited), every child in it, restricted or not, as in the census download;
/// nobody else can see or download it; a date that is not one is shown again with its error and what was typed; a social
/// worker is refused.
/// </summary>
public sealed class AnnexAPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Page = "/returns/annex-a";

    private Dictionary<string, string> Period(string fromDay = "1")
    {
        var today = TimeLimits.UkDay(App.Time.GetUtcNow());
        var from = today.AddDays(-30);
        return new()
        {
            ["From.Day"] = fromDay, ["From.Month"] = from.Month.ToString(), ["From.Year"] = from.Year.ToString(),
            ["To.Day"] = today.Day.ToString(), ["To.Month"] = today.Month.ToString(), ["To.Year"] = today.Year.ToString(),
        };
    }

    private static string ChildId(Guid personId) => personId.ToString("N").ToUpperInvariant()[^20..];

    /// <summary>Asks for the lists and follows the export's page until it offers the download; returns the page's address.</summary>
    private async Task<string> ExportAsync(HttpClient analyst, string fromDay)
    {
        var asked = await SafeguardAppFactory.PostFormAsync(analyst, Page, Period(fromDay));
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var export = asked.Headers.Location!.ToString();
        export.ShouldMatch("^/returns/annex-a/[0-9a-f-]{36}$");
        // The export runs in the background service; on a loaded machine it may take a while. This waits, it does not time.
        for (var tries = 0; tries < 600; tries++)
        {
            var page = Html.Parse(await analyst.GetStringAsync(export));
            if (page.QuerySelector("[data-testid=download]") is not null) return export;
            page.QuerySelector(".govuk-warning-text").ShouldBeNull("the export stopped");
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException("The export never finished");
    }

    [Fact]
    public async Task TheAnalystDownloadsTheWorkbook_WithEveryChildIncludingARestrictedOne_AndTheDownloadIsAudited()
    {
        var shown = await ReferralAsync(App, "Annexshown");
        var hidden = await ReferralAsync(App, "Annexhidden");
        await using (var asHelen = App.Database.CreateContext(App.Time, new Actor(await App.UserIdAsync(Helen), "Helen Price")))
        {
            (await new AccessLists(asHelen).RestrictAsync(hidden.PersonId, "Adoption placement")).ShouldBe(AccessChange.Done);
        }
        var analyst = await App.SignInAsRoleAsync(Roles.PerformanceAnalyst);
        var today = TimeLimits.UkDay(App.Time.GetUtcNow());

        var export = await ExportAsync(analyst, today.AddDays(-30).Day.ToString());
        var progress = await analyst.GetStringAsync(export + "/progress");
        progress.ShouldContain("\"finished\":true");
        progress.ShouldContain("Ready");
        var download = await analyst.GetAsync(export + "/download");

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var document = SpreadsheetDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe(["List 1", "List 2", "List 3", "List 4", "List 5", "List 6", "List 7"]);
        var referrals = ((WorksheetPart)workbook.GetPartById(sheets[2].Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().First().InnerText).ToList();
        referrals.ShouldContain(ChildId(shown.PersonId));
        referrals.ShouldContain(ChildId(hidden.PersonId));
        var analystId = await App.UserIdAsync(Core.Seeding.DemoAccounts.ForRole(Roles.PerformanceAnalyst).Email);
        await using var read = App.CreateDbContext();
        (await read.Events.CountAsync(e => e.Type == AnnexAExported.Name && e.ActorUserId == analystId)).ShouldBeGreaterThan(0);
        (await read.Events.CountAsync(e => e.Type == AnnexADownloaded.Name && e.ActorUserId == analystId)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task SomeoneElseWhoMaySeeReturns_FindsNeitherTheExportNorItsDownload()
    {
        var analyst = await App.SignInAsRoleAsync(Roles.PerformanceAnalyst);
        var export = await ExportAsync(analyst, "1");
        var manager = await App.SignInAsRoleAsync(Roles.ServiceManager);
        var managerId = await App.UserIdAsync(Core.Seeding.DemoAccounts.ForRole(Roles.ServiceManager).Email);

        (await manager.GetAsync(export)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetAsync(export + "/progress")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetAsync(export + "/download")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var worker = await App.SignInAsRoleAsync(Roles.SocialWorker);
        (await worker.GetAsync(export + "/download")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var read = App.CreateDbContext();
        (await read.Events.CountAsync(e => e.Type == AnnexADownloaded.Name && e.ActorUserId == managerId)).ShouldBe(0);
    }

    [Fact]
    public async Task ADateThatIsNotOne_IsShownAgain_WithItsErrorAndWhatWasTyped()
    {
        var analyst = await App.SignInAsRoleAsync(Roles.PerformanceAnalyst);

        var fields = Period("31");
        fields["From.Month"] = "2";

        var response = await SafeguardAppFactory.PostFormAsync(analyst, Page, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent.ShouldContain("The first day of the period must be a real date");
        page.QuerySelector("input[name='From.Day']").ShouldNotBeNull().GetAttribute("value").ShouldBe("31");
        page.QuerySelector("input[name='From.Month']").ShouldNotBeNull().GetAttribute("value").ShouldBe("2");
    }

    [Fact]
    public async Task ASocialWorker_IsRefusedTheDownload()
    {
        var worker = await App.SignInAsRoleAsync(Roles.SocialWorker);
        var token = SafeguardAppFactory.AntiforgeryToken(await worker.GetStringAsync("/"));
        var fields = Period();
        fields["__RequestVerificationToken"] = token;

        var response = await worker.PostAsync(Page, new FormUrlEncodedContent(fields));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var workerId = await App.UserIdAsync(Core.Seeding.DemoAccounts.ForRole(Roles.SocialWorker).Email);
        await using var read = App.CreateDbContext();
        (await read.Events.CountAsync(e => e.Type == AnnexAExported.Name && e.ActorUserId == workerId)).ShouldBe(0);
    }
}
