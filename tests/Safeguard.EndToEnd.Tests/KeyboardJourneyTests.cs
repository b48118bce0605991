using Microsoft.Playwright;
using static Safeguard.EndToEnd.Tests.KeyboardOnly;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// The front door's whole journey with the keyboard alone, with JavaScript on and off: a partner signs in and refers,
/// a front-door worker opens it from the tray and decides, and the partner reads the outcome.
/// </summary>
public sealed class KeyboardJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await TypeAsync(page, page.GetByLabel("Email address"), email);
        await TypeAsync(page, page.GetByLabel("Password"), Core.Seeding.DemoAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForPageAsync(page, url => !new Uri(url).AbsolutePath.StartsWith("/sign-in", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PartnerRefers_FrontDoorDecides_PartnerReadsTheOutcome_WithTheKeyboardAlone(bool javaScript)
    {
        var given = javaScript ? "Keyla" : "Keynon";
        var partner = await app.NewPageAsync(javaScript);
        await SignInAsync(partner, "kate.ward@nhs.example");
        await partner.GotoAsync("/partner/referrals/new");
        await TypeAsync(partner, partner.GetByLabel("First name"), given);
        await TypeAsync(partner, partner.GetByLabel("Last name"), "Board");
        await TypeAsync(partner, partner.Locator("[name='Form.Children[0].DateOfBirth.Day']"), "3");
        await TypeAsync(partner, partner.Locator("[name='Form.Children[0].DateOfBirth.Month']"), "9");
        await TypeAsync(partner, partner.Locator("[name='Form.Children[0].DateOfBirth.Year']"), "2019");
        await ChooseAsync(partner, partner.GetByLabel("Female"));
        await TypeAsync(partner, partner.GetByLabel("What happened?"), "Her father was arrested after a fight at home last night.");
        await TickAsync(partner, partner.GetByLabel("Domestic abuse"));
        await ChooseAsync(partner, partner.Locator("[name='Form.InjurySeen'][value='no']"));
        await ChooseAsync(partner, partner.Locator("[name='Form.ImmediateRisk'][value='no']"));
        await ChooseAsync(partner, partner.Locator("[name='Form.ParentsAware'][value='yes']"));
        await PressAsync(partner, "button", "Send referral");
        await app.WaitForPageAsync(partner, "/partner");
        (await partner.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("sent");

        var worker = await app.NewPageAsync(javaScript);
        await SignInAsync(worker, "tom.evans@northbridge.example");
        await worker.GotoAsync("/front-door");
        await PressAsync(worker, "a", $"{given} Board");
        await BrowserFixture.WaitForPageAsync(worker, url => url.Contains("/front-door/contacts/", StringComparison.Ordinal));
        await ChooseAsync(worker, worker.GetByLabel("Early help"));
        await TypeAsync(worker, worker.GetByLabel("Reasons for the decision"), "Mother accepts support; father is on bail away from home.");
        await TypeAsync(worker, worker.GetByLabel("What to tell the referrer"), "The family have been offered early help.");
        await PressAsync(worker, "button", "Record decision");
        await app.WaitForPageAsync(worker, "/front-door");
        (await worker.Locator("[data-testid=tray]").InnerTextAsync()).ShouldNotContain($"{given} Board");

        await partner.GotoAsync("/partner");
        await PressAsync(partner, partner.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{given} Board" }).Locator("a:focus"),
            $"the link on the row of {given} Board");
        await BrowserFixture.WaitForPageAsync(partner, url => url.Contains("/partner/referrals/", StringComparison.Ordinal));
        (await partner.Locator(".govuk-panel").InnerTextAsync()).ShouldContain("early help");
    }
}
