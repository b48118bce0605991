using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.EndToEnd.Tests;

/// <summary>A worker sets up an authenticator app (the code computed from the key the page shows), then signs in with it.</summary>
public sealed class TwoFactorJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AWorker_SetsUpTheirAuthenticatorApp_ThenSignsInWithItsCode_WithJavaScriptOnAndOff()
    {
        const string email = "hannah.wright@northbridge.example";
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, email);
        await app.WaitForPageAsync(page, "/");

        await page.GotoAsync("/account/two-factor");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Set up two-factor sign-in");
        (await page.Locator("img.sg-qr-code").GetAttributeAsync("src"))!.ShouldStartWith("data:image/png;base64,");
        var key = (await page.Locator("[data-testid=authenticator-key]").InnerTextAsync()).Replace(" ", "").Trim();
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Now(key, app.Time));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await page.Locator("[data-testid=recovery-codes]").WaitForAsync();
        (await page.Locator("[data-testid=recovery-codes] li").CountAsync()).ShouldBe(10);
        await BrowserFixture.NoAxeViolationsAsync(page);

        foreach (var javaScript in new[] { true, false })
        {
            var next = await app.NewPageAsync(javaScriptEnabled: javaScript);
            await BrowserFixture.SubmitSignInAsync(next, email, Core.Seeding.DemoAccounts.Password);
            await BrowserFixture.WaitForPageAsync(next, url => url.StartsWith(app.BaseUrl + "/sign-in/two-factor", StringComparison.Ordinal));
            await next.GetByLabel("Code from your authenticator app").FillAsync(Totp.Wrong(key, app.Time));
            await next.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await next.Locator(".govuk-error-summary").WaitForAsync();
            (await next.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("The code is not right");

            // Each code signs in once: the app shows the next one.
            Totp.NextStep(app.Time);
            await next.GetByLabel("Code from your authenticator app").FillAsync(Totp.Now(key, app.Time));
            await next.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

            await app.WaitForPageAsync(next, "/");
            (await next.Locator("h1").InnerTextAsync()).ShouldBe("Hello, Hannah Wright", $"JavaScript {(javaScript ? "on" : "off")}");
        }
    }
    [Fact]
    public async Task AnAdministrator_ResetsSomeonesTwoFactorSignIn_FromTheirAccountPage_GivingAReason()
    {
        var person = await app.UserIdAsync("leah.brown@northbridge.example");
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "alex.admin@northbridge.example");
        await app.WaitForPageAsync(page, "/");

        await page.GotoAsync($"/admin/users/{person}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reset two-factor sign-in" }).ClickAsync();
        await app.WaitForPageAsync(page, $"/admin/users/{person}/two-factor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset two-factor sign-in" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter the reason for the reset");
        await page.GetByLabel("Reason for the reset").FillAsync("Lost her phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset two-factor sign-in" }).ClickAsync();

        await app.WaitForPageAsync(page, "/admin/users");
        await using var db = app.CreateDbContext();
        var reset = await db.Events.SingleAsync(e => e.Type == Core.Audit.TwoFactorReset.Name && e.SubjectId == person);
        reset.Reason.ShouldBe("Lost her phone");
    }
}
