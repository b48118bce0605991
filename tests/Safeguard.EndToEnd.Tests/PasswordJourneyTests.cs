using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

public sealed class PasswordJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Email = "martin.hughes@northbridge.example";
    private const string NewPassword = "pebble-harbour-saxophone-7";

    [Fact]
    public async Task AWorker_ChangesTheirPassword_FromTheMenu_AndSignsInWithTheNewOne()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, Email);
        await app.WaitForPageAsync(page, "/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();
        await app.WaitForPageAsync(page, "/account/password");
        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(Core.Seeding.DemoAccounts.Password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        var banner = page.Locator(".govuk-notification-banner--success");
        await banner.WaitForAsync();
        (await banner.InnerTextAsync()).ShouldContain("Your password has been changed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await app.WaitForPageAsync(page, "/sign-in");

        await BrowserFixture.SubmitSignInAsync(page, Email, Core.Seeding.DemoAccounts.Password);
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await app.SignInAsync(page, Email, NewPassword);
        await app.WaitForPageAsync(page, "/");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Hello, Martin Hughes");
    }
}
