using System.Text;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A worker attaches a hospital's discharge letter (a PDF) to a child's record through the file chooser, finds it on the
/// documents page and in the chronology, and downloads it again, with JavaScript on and off.
/// </summary>
public sealed class AttachmentJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AWorkerAttachesAPdf_SeesItListedAndInTheChronology_AndDownloadsIt(bool javaScript)
    {
        var maya = await app.DemoChildIdAsync("Maya");
        var fileName = $"discharge letter {(javaScript ? "js" : "no-js")}.pdf";
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n% {fileName}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
        var page = await app.NewPageAsync(javaScript);
        await app.SignInAsync(page, "grace.lee@northbridge.example");
        await page.GotoAsync($"/children/{maya}");

        await page.GetByTestId("documents-link").ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.EndsWith($"/children/{maya}/documents"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach the document" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Select a file");
        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = pdf });
        await page.GetByLabel("What is it? (optional)").FillAsync("Hospital discharge letter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach the document" }).ClickAsync();

        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain($"{fileName} attached");
        var row = page.GetByTestId("document").Filter(new() { HasText = fileName });
        (await row.InnerTextAsync()).ShouldContain("Hospital discharge letter");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = fileName }).ClickAsync());
        download.SuggestedFilename.ShouldBe(fileName);
        var saved = Path.Combine(Path.GetTempPath(), $"safeguard-e2e-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(saved);
        (await File.ReadAllBytesAsync(saved)).ShouldBe(pdf);
        File.Delete(saved);

        await page.GotoAsync($"/children/{maya}/chronology?Kind=Document");
        var entry = page.Locator("[data-kind=Document]").Filter(new() { HasText = fileName });
        (await entry.InnerTextAsync()).ShouldContain($"Document attached: {fileName} (Hospital discharge letter)");
        var again = await page.RunAndWaitForDownloadAsync(() => entry.GetByRole(AriaRole.Link, new() { Name = "View the document" }).ClickAsync());
        again.SuggestedFilename.ShouldBe(fileName);
    }
}
