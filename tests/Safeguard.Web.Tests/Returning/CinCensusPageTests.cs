using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.People;
using Safeguard.Core.People.Access;
using Safeguard.Core.Returns;
using Safeguard.Core.Security;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Returning;

/// <summary>
/// The census returns page: the performance analyst downloads the XML (audited) and reads the validation report, each
/// failure linked to the child's record, a restricted child named only as a restricted record; other roles are refused.
/// </summary>
public sealed class CinCensusPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Page = "/returns/cin-census?year=2026";

    [Fact]
    public async Task TheAnalystDownloadsTheCensus_AndTheDownloadIsAudited()
    {
        var referral = await ReferralAsync(App, "Censusdownload");
        var analyst = await App.SignInAsRoleAsync(Roles.PerformanceAnalyst);
        var page = Html.Parse(await analyst.GetStringAsync(Page));
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Download the census XML").GetAttribute("href")!;

        var download = await analyst.GetAsync(link);

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var xml = XDocument.Parse(await download.Content.ReadAsStringAsync());
        xml.Descendants().Where(e => e.Name.LocalName == "Child").ShouldNotBeEmpty();
        xml.Descendants().Where(e => e.Name.LocalName == "CINreferralDate").Select(e => e.Value)
            .ShouldContain(referral.ReferralDate.ToString("yyyy-MM-dd"));
        await using var read = App.CreateDbContext();
        (await read.Events.CountAsync(e => e.Type == CensusDownloaded.Name)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task TheValidationReport_LinksEachFailureToTheChild_ButNamesARestrictedChildOnlyAsRestricted()
    {
        var shown = await ReferralAsync(App, "Censusshown");
        var hidden = await ReferralAsync(App, "Censushidden");
        await using (var db = App.CreateDbContext())
        {
            // A UPN with the wrong check letter fails DfE rule 1510 for both children.
            await db.People.Where(p => p.Id == shown.PersonId || p.Id == hidden.PersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Upn, "Z801200001001"));
        }
        await using (var asHelen = App.Database.CreateContext(App.Time, new Actor(await App.UserIdAsync(Helen), "Helen Price")))
        {
            (await new AccessLists(asHelen).RestrictAsync(hidden.PersonId, "Adoption placement")).ShouldBe(AccessChange.Done);
        }
        var analyst = await App.SignInAsRoleAsync(Roles.PerformanceAnalyst);

        var report = Html.Parse(await analyst.GetStringAsync(Page));

        report.QuerySelector("[data-testid=validation-summary]").ShouldNotBeNull().TextContent.ShouldContain("of DfE's 2025-26 validation rules checked");
        var rows = report.QuerySelectorAll("[data-testid=failures] tbody tr").Where(r => r.Children[0].TextContent.Trim() == "1510").ToList();
        rows.Select(r => r.QuerySelector("a")?.GetAttribute("href")).ShouldContain($"/children/{shown.PersonId}");
        rows.Select(r => r.QuerySelector("a")?.GetAttribute("href")).ShouldNotContain($"/children/{hidden.PersonId}");
        rows.Select(r => r.Children[3].TextContent.Trim()).ShouldContain(NeedToKnow.RestrictedTitle);
        // The same UPN on two children (1520, a rule over the whole return) names each of them in the same way.
        var sameUpn = report.QuerySelectorAll("[data-testid=failures] tbody tr").Where(r => r.Children[0].TextContent.Trim() == "1520").ToList();
        sameUpn.Select(r => r.QuerySelector("a")?.GetAttribute("href")).ShouldContain($"/children/{shown.PersonId}");
        sameUpn.Select(r => r.Children[3].TextContent.Trim()).ShouldContain(NeedToKnow.RestrictedTitle);
    }

    [Fact]
    public async Task AFailureOfTheWholeReturn_NamesNoChild()
    {
        // The only child in the 2020-21 census: one child uses fewer than eight disability codes (2887Q).
        await using (var db = App.CreateDbContext())
        {
            var team = await db.Teams.Select(t => t.Id).FirstAsync();
            var child = new Person("Censuswhole", "Child", new DateOnly(2012, 5, 1), Sex.Female) { Disabilities = "MOB" };
            db.People.Add(child);
            var referral = new Referral(child.Id, null, new DateOnly(2020, 6, 1), "2A", team);
            referral.Close(new DateOnly(2020, 9, 1), "RC1", "Help given");
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
        }
        var analyst = await App.SignInAsRoleAsync(Roles.PerformanceAnalyst);

        var report = Html.Parse(await analyst.GetStringAsync("/returns/cin-census?year=2021"));

        var row = report.QuerySelectorAll("[data-testid=failures] tbody tr").Single(r => r.Children[0].TextContent.Trim() == "2887Q");
        row.Children[3].TextContent.Trim().ShouldBe("The whole return");
        row.QuerySelector("a").ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.ConferenceChair)]
    [InlineData(Roles.SystemAdministrator)]
    public async Task RolesWithoutReports_AreRefused403_PageAndDownload(string role)
    {
        var refused = await App.SignInAsRoleAsync(role);
        (await refused.GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.GetAsync("/returns/cin-census?handler=download&year=2026")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AYearNotOffered_IsNotFound()
    {
        var analyst = await App.SignInAsRoleAsync(Roles.PerformanceAnalyst);
        (await analyst.GetAsync("/returns/cin-census?year=1999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await analyst.GetAsync("/returns/cin-census?year=abc")).StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
    }
}
