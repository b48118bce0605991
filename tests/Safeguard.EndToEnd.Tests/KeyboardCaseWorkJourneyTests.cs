using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Core.Timescales;
using Safeguard.Core.Workforce;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.EndToEnd.Tests.KeyboardOnly;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// Beyond the front door, with the keyboard alone and JavaScript on and off: signing in with a two-factor code, a
/// manager allocating a case that the worker then accepts, and a worker recording a visit.
/// </summary>
public sealed class KeyboardCaseWorkJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static async Task TypeSignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await TypeAsync(page, page.GetByLabel("Email address"), email);
        await TypeAsync(page, page.GetByLabel("Password"), Core.Seeding.DemoAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
    }

    private async Task<IPage> SignedInAsync(bool javaScript, string email)
    {
        var page = await app.NewPageAsync(javaScript);
        await TypeSignInAsync(page, email);
        await BrowserFixture.WaitForPageAsync(page, url => !new Uri(url).AbsolutePath.StartsWith("/sign-in", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Turns on two-factor sign-in for the account, as its authenticator app set-up does; returns the key.</summary>
    private async Task<string> TurnOnTwoFactorAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.ShouldBeTrue();
        (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.ShouldBeTrue();
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AWorker_SignsInWithPasswordAndTwoFactorCode_WithTheKeyboardAlone(bool javaScript)
    {
        var (email, name) = javaScript ? ("sophie.turner@northbridge.example", "Sophie Turner") : ("michael.obrien@northbridge.example", "Michael O'Brien");
        var key = await TurnOnTwoFactorAsync(email);
        var page = await app.NewPageAsync(javaScript);

        await TypeSignInAsync(page, email);
        await BrowserFixture.WaitForPageAsync(page, url => new Uri(url).AbsolutePath == "/sign-in/two-factor");
        await TypeAsync(page, page.GetByLabel("Code from your authenticator app"), Totp.Now(key, app.Time));
        await PressAsync(page, "button", "Sign in");

        await app.WaitForPageAsync(page, "/");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Hello, {name}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AManagerAllocates_AndTheWorkerAccepts_WithTheKeyboardAlone(bool javaScript)
    {
        var given = javaScript ? "Kira" : "Kofi";
        await AllocationJourneyTests.ArrangeAsync(app, given, childProtection: false);
        var due = TimeLimits.UkDay(app.Time.GetUtcNow()).AddDays(2);

        var manager = await SignedInAsync(javaScript, "martin.hughes@northbridge.example");
        await PressAsync(manager, manager.GetByTestId("unallocated").Locator("a:focus", new() { HasText = $"Allocate {given} Journey" }),
            $"the link to allocate {given} Journey");
        await BrowserFixture.WaitForPageAsync(manager, url => url.Contains("/allocation/referrals/", StringComparison.Ordinal));
        await TypeAsync(manager, manager.GetByLabel("Time of the discussion"), "08:45");
        await ChooseAsync(manager, manager.GetByLabel("Sam Okafor", new() { Exact = true }));
        await TypeAsync(manager, manager.GetByLabel("Action 1: what was agreed"), $"Visit {given} at home and see them alone");
        await TypeAsync(manager, manager.Locator("[name='Form.Actions[0].DueOn.Day']"), due.Day.ToString());
        await TypeAsync(manager, manager.Locator("[name='Form.Actions[0].DueOn.Month']"), due.Month.ToString());
        await TypeAsync(manager, manager.Locator("[name='Form.Actions[0].DueOn.Year']"), due.Year.ToString());
        await TypeAsync(manager, manager.GetByLabel("Risks discussed"), "Mother's partner is violent when drinking.");
        await PressAsync(manager, "button", "Allocate the case");
        (await manager.Locator("[data-testid=allocated]").InnerTextAsync()).ShouldContain("Allocated to Sam Okafor");

        var worker = await SignedInAsync(javaScript, "sam.okafor@northbridge.example");
        await PressAsync(worker, "a", $"Accept a new case: {given} Journey");
        await BrowserFixture.WaitForPageAsync(worker, url => url.EndsWith("/accept", StringComparison.Ordinal));
        await PressAsync(worker, "button", "I have read the case summary");
        (await worker.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain($"You have accepted the case of {given} Journey");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AWorker_RecordsAVisit_WithTheKeyboardAlone(bool javaScript)
    {
        var words = javaScript ? "Maya showed me her room and her homework." : "Maya read me a story she wrote at school.";
        var maya = await app.DemoChildIdAsync("Maya");
        var page = await SignedInAsync(javaScript, "grace.lee@northbridge.example");
        await page.GotoAsync($"/children/{maya}/case-notes/new");

        await ChooseAsync(page, page.GetByLabel("Visit", new() { Exact = true }));
        await TypeAsync(page, page.GetByLabel("Who took part"), "Maya; her mother Claire Green (parent)");
        await ChooseAsync(page, page.Locator("[name=ChildSeen][value=yes]"));
        await ChooseAsync(page, page.Locator("[name=ChildSeenAlone][value=yes]"));
        await TypeAsync(page, page.GetByLabel("Note"), words);
        await PressAsync(page, "button", "Record the case note");

        await BrowserFixture.WaitForPageAsync(page, url => url.Contains($"/children/{maya}", StringComparison.Ordinal) && !url.Contains("/case-notes/new"));
        (await page.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain("Visit recorded");
        (await page.Locator("[data-testid=case-notes]").InnerTextAsync()).ShouldContain(words);
    }
}
