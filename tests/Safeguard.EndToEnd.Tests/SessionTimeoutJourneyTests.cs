using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// The timeout warning in a real browser: the server's (fake) clock moves to two minutes before the idle end, the page
/// asks again when it comes back into view (as after a laptop sleeps), and the warning opens; keyboard only, it keeps focus
/// and Escape means "Stay signed in"; when the time is let run out, the browser lands on the sign-in page saying why.
/// </summary>
public sealed class SessionTimeoutJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static Task AskAgainAsync(IPage page) =>
        page.EvaluateAsync("document.dispatchEvent(new Event('visibilitychange'))");

    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("document.activeElement ? document.activeElement.textContent.trim() : ''");

    [Fact]
    public async Task TheWarningOpensBeforeTheIdleEnd_StaySignedInKeepsTheSession_AndLettingItLapseSignsOutWithTheReason()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "sam.okafor@northbridge.example");
        await app.WaitForPageAsync(page, "/");
        var dialog = page.Locator("dialog#session-timeout");
        (await dialog.IsVisibleAsync()).ShouldBeFalse();

        app.Time.Advance(TimeSpan.FromMinutes(29));
        await AskAgainAsync(page);
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible });

        (await dialog.GetByRole(AriaRole.Heading).InnerTextAsync()).ShouldBe("You're about to be signed out");
        (await dialog.InnerTextAsync()).ShouldContain("we will sign you out in 1 minute");
        (await FocusedAsync(page)).ShouldBe("Stay signed in");
        await page.Keyboard.PressAsync("Tab");
        (await FocusedAsync(page)).ShouldBe("Sign out");
        await page.Keyboard.PressAsync("Tab");
        (await FocusedAsync(page)).ShouldBe("Stay signed in", "Tab stays in the dialog");
        await page.Keyboard.PressAsync("Shift+Tab");
        (await FocusedAsync(page)).ShouldBe("Sign out");
        await BrowserFixture.NoAxeViolationsAsync(page);

        await page.Keyboard.PressAsync("Escape");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // Escape kept the session: 29 minutes on, it is open and warning again, and "Stay signed in" keeps it once more.
        app.Time.Advance(TimeSpan.FromMinutes(29));
        await AskAgainAsync(page);
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        app.Time.Advance(TimeSpan.FromMinutes(28));
        (await page.GotoAsync(app.BaseUrl + "/"))!.Status.ShouldBe(200);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Hello, Sam Okafor");

        app.Time.Advance(TimeSpan.FromMinutes(31));
        await AskAgainAsync(page);

        await BrowserFixture.WaitForPageAsync(page, url => url.Contains("/sign-in?ended=idle", StringComparison.Ordinal));
        (await page.Locator("[data-testid=session-ended]").InnerTextAsync())
            .ShouldContain("You were signed out because you were inactive for 30 minutes");
        (await page.Locator("dialog#session-timeout").CountAsync()).ShouldBe(0);
    }
}
