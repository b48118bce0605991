using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Documents;
using Safeguard.Core.People.Access;
using Safeguard.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Safeguard.Web.Tests.Chronicling;

/// <summary>Downloading a child's chronology and case summary as PDFs: what is sent, that it is audited, and who is refused.</summary>
public sealed class DocumentDownloadTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Worker = "grace.lee@northbridge.example";

    /// <summary>Sees children's records, but is not on restricted Rosie Bennett's access list.</summary>
    private const string NotOnRosiesList = "sam.okafor@northbridge.example";

    /// <summary>A performance analyst: no permission to see children's records.</summary>
    private const string NoChildRecords = "nina.patel@northbridge.example";

    private static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    private async Task<int> DownloadsAsync(string type, Guid child, string actorName)
    {
        await using var db = App.CreateDbContext();
        return await db.Events.CountAsync(e => e.Type == type && e.PersonId == child && e.ActorName == actorName);
    }

    private static void ShouldBeAPdfDownload(HttpResponseMessage response, string fileName)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe(fileName);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task TheChronologyPdf_IsADownloadOfEveryEntry_WithItsMarking_AndTheDownloadIsAudited()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var client = await App.SignInAsync(Worker);
        var before = await DownloadsAsync(ChronologyDownloaded.Name, maya, "Grace Lee");
        var page = await Html.ParseAsync(await client.GetAsync($"/children/{maya}/chronology"));
        var link = page.QuerySelector("[data-testid=chronology-pdf]")!.GetAttribute("href")!;
        link.ShouldBe($"/children/{maya}/chronology?handler=Pdf");

        var response = await client.GetAsync(link);

        ShouldBeAPdfDownload(response, $"chronology-green-{Core.Timescales.TimeLimits.UkDay(App.Time.GetUtcNow()):yyyy-MM-dd}.pdf");
        var pages = Pages(await response.Content.ReadAsByteArrayAsync());
        pages[0].ShouldContain("Chronology Maya Green");
        pages[0].ShouldContain("Produced by Grace Lee");
        pages.ShouldAllBe(p => p.Contains(DocumentMarking.Official) && !p.Contains(DocumentMarking.Restricted));
        pages[^1].ShouldContain($"Page {pages.Count} of {pages.Count}");
        string.Join(" ", pages).ShouldContain("Mother's mental health has deteriorated");
        (await DownloadsAsync(ChronologyDownloaded.Name, maya, "Grace Lee")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task TheLinkKeepsTheFiltersChosen_AndThePdfHoldsOnlyThoseEntries()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var client = await App.SignInAsync(Worker);
        var page = await Html.ParseAsync(await client.GetAsync($"/children/{maya}/chronology?Kind=Visit&SignificantOnly=false"));
        var link = page.QuerySelector("[data-testid=chronology-pdf]")!.GetAttribute("href")!;
        link.ShouldContain("handler=Pdf");
        link.ShouldContain("Kind=Visit");

        var pages = Pages(await (await client.GetAsync(link)).Content.ReadAsByteArrayAsync());

        pages[0].ShouldContain("Filters Visit");
        var body = string.Join(" ", pages.Skip(1));
        body.ShouldContain("| Visit");
        body.ShouldNotContain("| Contact");
        body.ShouldNotContain("| Conference");
    }

    [Fact]
    public async Task AFamilyChronologyPdf_LabelsEachEntryWithItsChild_AndTheDownloadIsOnEachChildsRecord()
    {
        var ellie = await App.DemoChildIdAsync("Ellie");
        var jayden = await App.DemoChildIdAsync("Jayden");
        var client = await App.SignInAsync("hannah.wright@northbridge.example");
        var before = await DownloadsAsync(ChronologyDownloaded.Name, jayden, "Hannah Wright");

        var response = await client.GetAsync($"/children/{ellie}/chronology?handler=Pdf&Family=true");

        ShouldBeAPdfDownload(response, $"family-chronology-watson-{Core.Timescales.TimeLimits.UkDay(App.Time.GetUtcNow()):yyyy-MM-dd}.pdf");
        var pages = Pages(await response.Content.ReadAsByteArrayAsync());
        pages[0].ShouldContain("Family chronology Ellie Watson");
        pages[0].ShouldContain("With Jayden Watson");
        var body = string.Join(" ", pages.Skip(1));
        body.ShouldContain(": Jayden Watson");
        body.ShouldContain(": Ellie Watson");
        (await DownloadsAsync(ChronologyDownloaded.Name, jayden, "Hannah Wright")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task AFilterThatCannotBeRead_IsNamedOnThePage_WithStatus400_AndNothingIsDownloaded()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var client = await App.SignInAsync(Worker);
        var before = await DownloadsAsync(ChronologyDownloaded.Name, maya, "Grace Lee");

        var response = await client.GetAsync($"/children/{maya}/chronology?handler=Pdf&Kind=Nonsense&From.Day=31&From.Month=2&From.Year=2026");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Choose what happened from the list");
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("The \u2018from\u2019 date must be a real date");
        (await DownloadsAsync(ChronologyDownloaded.Name, maya, "Grace Lee")).ShouldBe(before);
    }

    [Fact]
    public async Task TheCaseSummaryPdf_IsLinkedFromTheRecord_HoldsTheStatusAndHousehold_AndTheDownloadIsAudited()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var client = await App.SignInAsync(Worker);
        var before = await DownloadsAsync(CaseSummaryDownloaded.Name, maya, "Grace Lee");
        var record = await Html.ParseAsync(await client.GetAsync($"/children/{maya}"));
        var link = record.QuerySelector("[data-testid=case-summary-pdf]")!.GetAttribute("href")!;

        var response = await client.GetAsync(link);

        ShouldBeAPdfDownload(response, $"case-summary-green-{Core.Timescales.TimeLimits.UkDay(App.Time.GetUtcNow()):yyyy-MM-dd}.pdf");
        var pages = Pages(await response.Content.ReadAsByteArrayAsync());
        pages[0].ShouldContain("Case summary Maya Green");
        pages.ShouldAllBe(p => p.Contains(DocumentMarking.Official));
        var body = string.Join(" ", pages.Skip(1));
        body.ShouldContain("Current plans and status");
        body.ShouldContain("Allocated to Grace Lee");
        body.ShouldContain("Family and household");
        (await DownloadsAsync(CaseSummaryDownloaded.Name, maya, "Grace Lee")).ShouldBe(before + 1);
    }

    [Theory]
    [InlineData("/children/{child}/chronology?handler=Pdf")]
    [InlineData("/children/{child}?handler=Pdf")]
    public async Task ARoleThatMayNotSeeChildren_IsRefused(string path)
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var client = await App.SignInAsync(NoChildRecords);

        var response = await client.GetAsync(path.Replace("{child}", maya.ToString()));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("You do not have permission to see this page");
        (await DownloadsAsync(ChronologyDownloaded.Name, maya, "Nina Patel")).ShouldBe(0);
        (await DownloadsAsync(CaseSummaryDownloaded.Name, maya, "Nina Patel")).ShouldBe(0);
    }

    [Theory]
    [InlineData("/children/{child}/chronology?handler=Pdf")]
    [InlineData("/children/{child}?handler=Pdf")]
    public async Task ARestrictedChild_IsNotFound_ForSomeoneNotOnTheList_AndTheRefusalIsAudited(string path)
    {
        var rosie = await App.DemoChildIdAsync("Rosie");
        var client = await App.SignInAsync(NotOnRosiesList);
        var sam = await App.UserIdAsync(NotOnRosiesList);
        await using var db = App.CreateDbContext();
        var refusals = await db.Events.CountAsync(e => e.Type == RecordAccessRefused.Name && e.ActorUserId == sam && e.PersonId == rosie);

        var response = await client.GetAsync(path.Replace("{child}", rosie.ToString()));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Rosie");
        (await db.Events.CountAsync(e => e.Type == RecordAccessRefused.Name && e.ActorUserId == sam && e.PersonId == rosie)).ShouldBe(refusals + 1);
        (await db.Events.CountAsync(e => (e.Type == ChronologyDownloaded.Name || e.Type == CaseSummaryDownloaded.Name) && e.ActorUserId == sam))
            .ShouldBe(0);
    }

    [Theory]
    [InlineData("/children/{child}/chronology?handler=Pdf")]
    [InlineData("/children/{child}?handler=Pdf")]
    public async Task ARestrictedChildsDocuments_AreMarkedRestrictedOnEveryPage_ForSomeoneOnTheList(string path)
    {
        var rosie = await App.DemoChildIdAsync("Rosie");
        var client = await App.SignInAsync(Worker);

        var response = await client.GetAsync(path.Replace("{child}", rosie.ToString()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pages = Pages(await response.Content.ReadAsByteArrayAsync());
        pages.ShouldAllBe(p => p.Contains($"{DocumentMarking.Official} - {DocumentMarking.Restricted}"));
        pages[0].ShouldContain("Rosie Bennett");
    }
}
