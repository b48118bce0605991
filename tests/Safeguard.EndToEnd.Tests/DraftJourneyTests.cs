using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>A worker writing up a visit is signed out mid-form; signing back in, she finds what she typed.</summary>
public sealed class DraftJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignedOutMidForm_TheWorkerSignsBackIn_AndFindsTheTextSheTyped()
    {
        var maya = await app.DemoChildIdAsync("Maya");
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "grace.lee@northbridge.example");
        await page.GotoAsync($"/children/{maya}/case-notes/new");

        await page.GetByLabel("Visit", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Note").FillAsync("Maya was quiet at first, then showed me the drawings she made at school.");
        await page.Locator("[data-draft-status]").Filter(new() { HasText = "Draft saved at" }).WaitForAsync();

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync($"/children/{maya}/case-notes/new");
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains("sign-in"));
        // The sign-in page she was sent to, which knows where she was going.
        await page.GetByLabel("Email address").FillAsync("grace.lee@northbridge.example");
        await page.GetByLabel("Password").FillAsync(Core.Seeding.DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await BrowserFixture.WaitForPageAsync(page, url => url.EndsWith($"/children/{maya}/case-notes/new"));
        (await page.GetByTestId("draft-restored").IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByLabel("Note").InputValueAsync()).ShouldBe("Maya was quiet at first, then showed me the drawings she made at school.");
        (await page.GetByLabel("Visit", new() { Exact = true }).IsCheckedAsync()).ShouldBeTrue();
        await BrowserFixture.NoAxeViolationsAsync(page);
    }
}
