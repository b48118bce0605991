using Microsoft.Playwright;
using Safeguard.TestIdentityProvider;
using Safeguard.Web.Pages.Account;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A worker signs in with their council account, with JavaScript on and off: the sign-in page's button takes them to
/// the council's OpenID Connect provider, which signs them in and sends them back to Safeguard, signed in as the staff
/// account with the same verified email address. An identity whose email is not verified, or that has no account, is
/// told why on Safeguard's own page.
/// </summary>
public sealed class CouncilSignInJourneyTests(CouncilSignInBrowserFixture app) : IClassFixture<CouncilSignInBrowserFixture>
{
    private static CouncilUser Verified(string email, string name) => new("idp|" + email, email, true, name);

    /// <summary>From Safeguard's sign-in page to the provider and back, as <paramref name="user"/>; ends where Safeguard sends them.</summary>
    private async Task<IPage> SignInWithCouncilAsync(bool javaScript, CouncilUser user)
    {
        app.Provider.SignInNextAs(user);
        var page = await app.NewPageAsync(javaScript);
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {CouncilSignInBrowserFixture.DisplayName}" }).ClickAsync();
        // The provider answers with a form that posts the code back to Safeguard: by itself with JavaScript, by its
        // button without.
        if (!javaScript)
        {
            await BrowserFixture.WaitForAddressAsync(page, url => url.StartsWith(app.Provider.Authority.ToString(), StringComparison.Ordinal));
            await page.Locator("form input[type=submit]").ClickAsync();
        }
        await BrowserFixture.WaitForPageAsync(page, url => url.StartsWith(app.BaseUrl, StringComparison.Ordinal)
            && new Uri(url).AbsolutePath is not ("/sign-in" or "/signin-oidc"));
        return page;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AWorker_SignsInWithTheirCouncilAccount_AndSeesTheirOwnWork(bool javaScript)
    {
        var (email, name) = javaScript ? ("sam.okafor@northbridge.example", "Sam Okafor") : ("grace.lee@northbridge.example", "Grace Lee");

        var page = await SignInWithCouncilAsync(javaScript, Verified(email, name + " (council)"));

        page.Url.ShouldBe(app.BaseUrl + "/");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Hello, {name}");
        (await page.Locator("#my-cases").InnerTextAsync()).ShouldBe("Your cases");
        (await page.Locator("#my-work").InnerTextAsync()).ShouldBe("Your open work");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACouncilIdentityWithoutAVerifiedEmail_IsToldWhy_AndIsNotSignedIn(bool javaScript)
    {
        var email = javaScript ? "hannah.wright@northbridge.example" : "daniel.osei@northbridge.example";

        var page = await SignInWithCouncilAsync(javaScript, new CouncilUser("idp|" + email, email, EmailVerified: false, "Someone"));

        await ExpectRefusedAsync(page, ExternalCallbackModel.EmailNotVerified);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACouncilIdentityWithNoSafeguardAccount_IsToldWhy_AndIsNotSignedIn(bool javaScript)
    {
        var page = await SignInWithCouncilAsync(javaScript, Verified($"stranger{(javaScript ? 1 : 2)}@elsewhere.example", "A Stranger"));

        await ExpectRefusedAsync(page, ExternalCallbackModel.NoAccount);
    }

    private async Task ExpectRefusedAsync(IPage page, string problem)
    {
        page.Url.ShouldBe(app.BaseUrl + "/sign-in/external/callback");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("You cannot sign in");
        (await page.Locator("main").InnerTextAsync()).ShouldContain(problem);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to sign in" }).ClickAsync();
        await app.WaitForPageAsync(page, "/sign-in");
        await page.GotoAsync("/");
        await BrowserFixture.WaitForPageAsync(page, url => new Uri(url).AbsolutePath == "/sign-in");
    }
}
