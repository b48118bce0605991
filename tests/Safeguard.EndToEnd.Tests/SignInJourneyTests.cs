using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

public sealed class SignInJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SocialWorker_SignsIn_AndReachesMyWork_TheirCasesAndTheirOwnWork()
    {
        var page = await app.NewPageAsync();

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

    [Fact]
    public async Task WrongPassword_ShowsTheGovUkErrorSummary_FocusedAndLinkedToTheField()
    {
        var page = await app.NewPageAsync();

        await BrowserFixture.SubmitSignInAsync(page, "sam.okafor@northbridge.example", "wrong-password-here");

        var summary = page.Locator(".govuk-error-summary");
        await summary.WaitForAsync();
        (await summary.InnerTextAsync()).ShouldContain("Enter a correct email address and password");
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        await page.Locator(".govuk-error-summary a").ClickAsync();
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("Email");
    }

    [Fact]
    public async Task SignInPage_WorksWithJavaScriptTurnedOff()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await app.SignInAsync(page, "grace.lee@northbridge.example");

        await app.WaitForPageAsync(page, "/");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Hello, Grace Lee");
    }
}
