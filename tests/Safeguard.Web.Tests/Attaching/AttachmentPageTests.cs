using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Attachments;
using Safeguard.Core.Audit;
using Safeguard.Core.People.Access;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.SafeguardAppFactory;

namespace Safeguard.Web.Tests.Attaching;

/// <summary>A child's documents page: attaching through a real multipart post, the list, the audited download, errors, and who is refused.</summary>
public sealed class AttachmentPageTests(AttachmentPageTests.SmallUploadsApp app) : IClassFixture<AttachmentPageTests.SmallUploadsApp>
{
    /// <summary>The app with a small size limit, so "too large" is a few kilobytes, not 20 MB.</summary>
    public sealed class SmallUploadsApp : SafeguardAppFactory
    {
        public const long MaxBytes = 4096;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Attachments:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private SafeguardAppFactory App => app;

    private const string Grace = "grace.lee@northbridge.example";

    /// <summary>Sees children's records, but is not on restricted Rosie Bennett's access list.</summary>
    private const string NotOnRosiesList = "sam.okafor@northbridge.example";

    /// <summary>A front door worker: sees children's records but does not record case notes.</summary>
    private const string Priya = "priya.shah@northbridge.example";

    private const string Partner = "pc.jones@police.example";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private static string Page(Guid child) => $"/children/{child}/documents";

    private static Task<HttpResponseMessage> AttachAsync(HttpClient client, Guid child, string fileName, byte[] content, string description = "", string step = "") =>
        PostMultipartAsync(client, Page(child), new() { ["Description"] = description, ["Step"] = step },
            [new UploadedFile("Upload", fileName, content, "application/pdf")]);

    private async Task<Guid> AttachedIdAsync(Guid child, string fileName)
    {
        await using var db = App.CreateDbContext();
        return await db.Attachments.Where(a => a.PersonId == child && a.FileName == fileName).Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task AWorkerAttachesAPdf_SeesItListed_AndDownloadsTheSameBytes_AsAnAttachment_WithTheDownloadAudited()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var grace = await App.SignInAsync(Grace);
        (await grace.GetStringAsync($"/children/{maya}")).ShouldContain($"href=\"{Page(maya)}\"");

        var posted = await AttachAsync(grace, maya, "discharge letter.pdf", Pdf, "Hospital discharge letter");

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldBe(Page(maya));
        var page = Html.Parse(await grace.GetStringAsync(Page(maya)));
        var row = page.QuerySelectorAll("[data-testid=document]").Single(r => r.TextContent.Contains("discharge letter.pdf"));
        row.TextContent.ShouldContain("Hospital discharge letter");
        row.TextContent.ShouldContain("Grace Lee");
        row.TextContent.ShouldContain("The record as a whole");
        row.TextContent.ShouldContain($"{Pdf.Length} bytes");
        var id = await AttachedIdAsync(maya, "discharge letter.pdf");
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe($"{Page(maya)}/{id}");

        var download = await grace.GetAsync($"{Page(maya)}/{id}");

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("discharge letter.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        download.Headers.CacheControl!.NoStore.ShouldBeTrue();
        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.Type == AttachmentDownloaded.Name && e.SubjectId == id && e.ActorName == "Grace Lee" && e.PersonId == maya))
            .ShouldBe(1);
        (await db.Events.CountAsync(e => e.Type == AttachmentAdded.Name && e.SubjectId == id)).ShouldBe(1);
    }

    [Fact]
    public async Task ADocumentForAStep_IsListedWithTheStep_AndShowsInTheChronology()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var grace = await App.SignInAsync(Grace);
        var form = Html.Parse(await grace.GetStringAsync(Page(maya)));
        var option = form.QuerySelectorAll("select[name=Step] option").First(o => o.TextContent.StartsWith("Strategy discussion", StringComparison.Ordinal));

        (await AttachAsync(grace, maya, "police notes.pdf", Pdf, "Notes from DS Patel", option.GetAttribute("value")!)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var row = Html.Parse(await grace.GetStringAsync(Page(maya))).QuerySelectorAll("[data-testid=document]").Single(r => r.TextContent.Contains("police notes.pdf"));
        row.TextContent.ShouldContain(option.TextContent);
        var chronology = Html.Parse(await grace.GetStringAsync($"/children/{maya}/chronology?Kind=Document"));
        var entry = chronology.QuerySelectorAll("[data-kind=Document]").Single(e => e.TextContent.Contains("police notes.pdf"));
        entry.TextContent.ShouldContain("Document attached: police notes.pdf (Notes from DS Patel)");
        entry.QuerySelector("a[href*='/documents/']")!.GetAttribute("href").ShouldBe($"{Page(maya)}/{await AttachedIdAsync(maya, "police notes.pdf")}");
    }

    public static TheoryData<string, byte[]?, string> Problems() => new()
    {
        { "", null, "Select a file" },
        { "setup.exe", [(byte)'M', (byte)'Z', 0x90, 0], "The selected file must be a PDF, image, Office document or e-mail" },
        { "letter.pdf", [(byte)'M', (byte)'Z', 0x90, 0], "The selected file must be a PDF, image, Office document or e-mail" },
        { "photo.png", Pdf, "The selected file is named as a PNG image but its contents are not a PNG image" },
        { "big.pdf", [.. Pdf, .. new byte[SmallUploadsApp.MaxBytes]], "The file must be smaller than 4 KB" },
        { "empty.pdf", [], "The selected file is empty" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task AProblemWithTheFile_IsNamedInTheErrorSummary_With400_AndWhatWasTypedIsKept(string fileName, byte[]? content, string message)
    {
        var ellie = await App.DemoChildIdAsync("Ellie");
        var grace = await App.SignInAsync(Grace);
        var page = await grace.GetStringAsync(Page(ellie));
        var step = Html.Parse(page).QuerySelectorAll("select[name=Step] option").Select(o => o.GetAttribute("value")).First(v => v is { Length: > 0 })!;
        IReadOnlyList<UploadedFile> files = content is null ? [] : [new UploadedFile("Upload", fileName, content)];
        await using var before = App.CreateDbContext();
        var count = await before.Attachments.CountAsync(a => a.PersonId == ellie);

        var response = await grace.PostAsync(Page(ellie), Multipart(AntiforgeryToken(page), new() { ["Description"] = "School's letter", ["Step"] = step }, files));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await Html.ParseAsync(response);
        html.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(message);
        html.QuerySelector("#Upload-error")!.TextContent.ShouldContain(message);
        html.QuerySelector("input[name=Description]")!.GetAttribute("value").ShouldBe("School's letter");
        html.QuerySelector($"select[name=Step] option[value='{step}']")!.HasAttribute("selected").ShouldBeTrue();
        await using var after = App.CreateDbContext();
        (await after.Attachments.CountAsync(a => a.PersonId == ellie)).ShouldBe(count);
    }

    [Fact]
    public async Task ABodyTooLargeEvenToRead_IsAClear413Page_NeverAnError()
    {
        var ellie = await App.DemoChildIdAsync("Ellie");
        var grace = await App.SignInAsync(Grace);
        var huge = new byte[SmallUploadsApp.MaxBytes + Web.Infrastructure.UploadLimitsFilter.Margin + 1];
        Pdf.CopyTo(huge, 0);

        var response = await AttachAsync(grace, ellie, "huge.pdf", huge);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var html = await Html.ParseAsync(response);
        html.QuerySelector("h1")!.TextContent.ShouldBe("The file is too large");
        html.Body!.TextContent.ShouldContain("The file must be smaller than 4 KB");
    }

    [Fact]
    public async Task SomeoneWhoDoesNotRecordCaseNotes_SeesTheDocuments_ButNoForm_AndTheirPostIsRefused()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var priya = await App.SignInAsync(Priya);
        var page = await priya.GetAsync(Page(maya));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        Html.Parse(html).QuerySelector("[data-testid=attach]").ShouldBeNull();

        var posted = await priya.PostAsync(Page(maya), Multipart(AntiforgeryToken(html), new() { ["Description"] = "x" }, [new UploadedFile("Upload", "a.pdf", Pdf)]));

        posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task APartner_IsRefusedThePage_AndEveryDownload()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var grace = await App.SignInAsync(Grace);
        await AttachAsync(grace, maya, "for partners.pdf", Pdf);
        var id = await AttachedIdAsync(maya, "for partners.pdf");
        var partner = await App.SignInAsync(Partner);

        (await partner.GetAsync(Page(maya))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await partner.GetAsync($"{Page(maya)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.CreateDbContext();
        (await db.Events.AnyAsync(e => e.Type == AttachmentDownloaded.Name && e.SubjectId == id)).ShouldBeFalse();
    }

    [Fact]
    public async Task ARestrictedChildsDocuments_AreNotFound_ForAWorkerNotOnTheList_AndShownToOneOnIt()
    {
        var rosie = await App.DemoChildIdAsync("Rosie");
        var grace = await App.SignInAsync(Grace);
        (await AttachAsync(grace, rosie, "rosie.pdf", Pdf)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await AttachedIdAsync(rosie, "rosie.pdf");
        var sam = await App.SignInAsync(NotOnRosiesList);

        var page = await sam.GetAsync(Page(rosie));
        var download = await sam.GetAsync($"{Page(rosie)}/{id}");
        // A token of Sam's own, from a page he may open: the refusal is need to know's, not the antiforgery check's.
        var token = AntiforgeryToken(await sam.GetStringAsync(Page(await App.DemoChildIdAsync("Maya"))));
        var post = await sam.PostAsync(Page(rosie), Multipart(token, new(), [new UploadedFile("Upload", "b.pdf", Pdf)]));

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await download.Content.ReadAsStringAsync()).ShouldNotContain("Rosie");
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await grace.GetAsync($"{Page(rosie)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var samId = await App.UserIdAsync(NotOnRosiesList);
        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.Type == RecordAccessRefused.Name && e.ActorUserId == samId && e.PersonId == rosie)).ShouldBeGreaterThanOrEqualTo(3);
        (await db.Events.AnyAsync(e => e.Type == AttachmentDownloaded.Name && e.SubjectId == id && e.ActorUserId == samId)).ShouldBeFalse();
        (await db.Attachments.CountAsync(a => a.PersonId == rosie)).ShouldBe(1);
    }

    [Fact]
    public async Task ADocumentOfAnotherChild_IsNotFound_FromThisChildsPage()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var ellie = await App.DemoChildIdAsync("Ellie");
        var grace = await App.SignInAsync(Grace);
        await AttachAsync(grace, maya, "mayas.pdf", Pdf);

        (await grace.GetAsync($"{Page(ellie)}/{await AttachedIdAsync(maya, "mayas.pdf")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TwoPeopleAttachingAtTheSameMoment_BothKeepTheirDocuments()
    {
        var jayden = await App.DemoChildIdAsync("Jayden");
        var grace = await App.SignInAsync(Grace);
        var chloe = await App.SignInAsync("chloe.adams@northbridge.example");
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var bodyA = Multipart(AntiforgeryToken(await grace.GetStringAsync(Page(jayden))), new() { ["Description"] = "Grace's" },
                [new UploadedFile("Upload", $"grace {round}.pdf", Pdf)]);
            var bodyB = Multipart(AntiforgeryToken(await chloe.GetStringAsync(Page(jayden))), new() { ["Description"] = "Chloe's" },
                [new UploadedFile("Upload", $"chloe {round}.pdf", Pdf)]);
            using var start = new Barrier(2);
            var a = Task.Run(() => { start.SignalAndWait(); return grace.PostAsync(Page(jayden), bodyA); });
            var b = Task.Run(() => { start.SignalAndWait(); return chloe.PostAsync(Page(jayden), bodyB); });

            (await a).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await b).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var listed = Html.Parse(await grace.GetStringAsync(Page(jayden))).QuerySelectorAll("[data-testid=document]").Select(r => r.TextContent).ToList();
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            listed.ShouldContain(r => r.Contains($"grace {round}.pdf"));
            listed.ShouldContain(r => r.Contains($"chloe {round}.pdf"));
        }
    }
}
