using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>Signing in with a password, with JavaScript on and off.</summary>
public sealed class SignInJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SocialWorker_SignsIn_AndReachesMyWork_TheirCasesAndTheirOwnWork(bool javaScript)
    {
        var page = await app.NewPageAsync(javaScript);

        await app.SignInAsync(page, "sam.okafor@northbridge.example");

        await app.WaitForPageAsync(page, "/");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Hello, Sam Okafor");
        (await page.TitleAsync()).ShouldBe("My work – Safeguard");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Children" }).CountAsync()).ShouldBe(1);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).CountAsync()).ShouldBe(0);
        (await page.Locator("#my-cases").InnerTextAsync()).ShouldBe("Your cases");
        (await page.Locator("#my-work").InnerTextAsync()).ShouldBe("Your open work");
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain("Allocate Kai Robinson", Case.Sensitive, "the team's referrals waiting for a worker are the manager's");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WrongPassword_ShowsTheGovUkErrorSummary_FocusedAndLinkedToTheField(bool javaScript)
    {
        var page = await app.NewPageAsync(javaScript);

        await BrowserFixture.SubmitSignInAsync(page, "sam.okafor@northbridge.example", "wrong-password-here");

        var summary = page.Locator(".govuk-error-summary");
        await summary.WaitForAsync();
        (await summary.InnerTextAsync()).ShouldContain("Enter a correct email address and password");
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        (await page.Locator(".govuk-error-summary a").GetAttributeAsync("href")).ShouldBe("#Email");
        await page.Locator(".govuk-error-summary a").ClickAsync();
        // Without JavaScript the link scrolls to the field; moving focus into it is GOV.UK Frontend's script's work.
        if (javaScript) (await page.Locator("#Email:focus").CountAsync()).ShouldBe(1);
    }
}
