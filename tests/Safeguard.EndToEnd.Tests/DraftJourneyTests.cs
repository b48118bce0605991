using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A worker writing up a visit, or a strategy discussion without JavaScript, is signed out mid-form; signing back in, she
/// finds what she typed. Typing on after being signed out, she is told the draft is not being kept.
/// </summary>
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

    [Fact]
    public async Task WithoutJavaScript_SaveDraft_KeepsAStrategyDiscussion_ThroughASignOut_UntilItIsDiscarded()
    {
        const string worker = "sam.okafor@northbridge.example";
        await Web.Tests.Infrastructure.AllocationArrange.QualifyWorkersAsync(app);
        var referral = await Web.Tests.Infrastructure.AllocationArrange.ReferralAsync(app, "Drafty");
        await Web.Tests.Infrastructure.AllocationArrange.AllocateAsync(app, referral, "martin.hughes@northbridge.example", worker);
        var form = $"/children/{referral.PersonId}/strategy-discussions/new";
        var page = await app.NewPageAsync(javaScriptEnabled: false);
        await app.SignInAsync(page, worker);
        await page.GotoAsync(form);

        await page.GetByLabel("Information shared").FillAsync("School reported bruising to the upper arm on Monday.");
        await page.GetByLabel("Name (person 2)").FillAsync("DC Alex Moore");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.GetByTestId("draft-restored").WaitForAsync();

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(form);
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains("sign-in"));
        await page.GetByLabel("Email address").FillAsync(worker);
        await page.GetByLabel("Password").FillAsync(Core.Seeding.DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.EndsWith(form));
        (await page.GetByLabel("Information shared").InputValueAsync()).ShouldBe("School reported bruising to the upper arm on Monday.");
        (await page.GetByLabel("Name (person 2)").InputValueAsync()).ShouldBe("DC Alex Moore");

        await page.GetByRole(AriaRole.Button, new() { Name = "Discard the draft" }).ClickAsync();
        await page.GetByTestId("draft-discarded").WaitForAsync();
        (await page.GetByLabel("Information shared").InputValueAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task TypingOnAfterBeingSignedOut_SaysTheDraftIsNotKept()
    {
        var ruby = await app.DemoChildIdAsync("Ruby");
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "michael.obrien@northbridge.example");
        await page.GotoAsync($"/children/{ruby}/case-notes/new");
        await page.GetByLabel("Note").FillAsync("Ruby's mother rang about school.");
        await page.Locator("[data-draft-status]").Filter(new() { HasText = "Draft saved at" }).WaitForAsync();

        await page.Context.ClearCookiesAsync();
        await page.GetByLabel("Note").PressSequentiallyAsync(" She will call back.");

        await page.Locator("[data-draft-status]").Filter(new() { HasText = "Draft not saved" }).WaitForAsync();
    }

    [Fact]
    public async Task ADraftStillOnItsWay_WhenTheFormIsRecorded_DoesNotComeBackAfterIt()
    {
        var harvey = await app.DemoChildIdAsync("Harvey");
        var form = $"/children/{harvey}/case-notes/new";
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "sophie.turner@northbridge.example");
        await page.GotoAsync(form);
        // A slow network: the draft reaches the server a second after it was sent.
        await page.RouteAsync("**/drafts?**", async route => { await Task.Delay(1000); await route.ContinueAsync(); });

        await page.GetByLabel("Phone call", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Who took part").FillAsync("Harvey's father");
        var sent = page.WaitForRequestAsync("**/drafts?**");
        await page.GetByLabel("Note").FillAsync("Father rang to say Harvey is back at school.");
        await sent;
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the case note" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains($"/children/{harvey}#"));

        await page.GotoAsync(form);
        (await page.GetByTestId("draft-restored").CountAsync()).ShouldBe(0);
        (await page.GetByLabel("Note").InputValueAsync()).ShouldBeEmpty();
    }
}
