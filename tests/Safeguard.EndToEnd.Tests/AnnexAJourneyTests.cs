using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// The performance analyst asks for Ofsted's Annex A lists on the demo council, watches the export's progress page (with
/// JavaScript it updates itself; without, "Check progress") and downloads the workbook.
/// </summary>
public sealed class AnnexAJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheAnalyst_AsksForTheLists_FollowsTheProgress_AndDownloadsTheWorkbook(bool javaScript)
    {
        var page = await app.NewPageAsync(javaScript);
        await app.SignInAsync(page, "nina.patel@northbridge.example");
        await page.GotoAsync("/returns/annex-a");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the Annex A lists" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => System.Text.RegularExpressions.Regex.IsMatch(url, "/returns/annex-a/[0-9a-f-]{36}$"));

        var download = page.GetByTestId("download");
        for (var checks = 0; checks < 300 && await download.CountAsync() == 0; checks++)
        {
            if (javaScript)
            {
                await page.WaitForTimeoutAsync(200);
            }
            else
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "Check progress" }).ClickAsync();
                await BrowserFixture.WaitForPageAsync(page, _ => true);
            }
        }
        (await page.Locator(".govuk-panel").InnerTextAsync()).ShouldContain("The lists are ready");

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        file.SuggestedFilename.ShouldEndWith(".xlsx");
        file.SuggestedFilename.ShouldStartWith("annex-a-");
    }
}
