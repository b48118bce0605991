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
/// The Annex A page: the performance analyst downloads the workbook for a period (audited), every child in it, restricted
/// or not, as in the census download; a date that is not one is shown again with its error and what was typed; a social
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

        var download = await SafeguardAppFactory.PostFormAsync(analyst, Page, Period(today.AddDays(-30).Day.ToString()));

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
        await using var read = App.CreateDbContext();
        (await read.Events.CountAsync(e => e.Type == AnnexAExported.Name)).ShouldBeGreaterThan(0);
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
