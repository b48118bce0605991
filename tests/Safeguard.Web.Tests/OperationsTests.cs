using System.Net;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

public sealed class OperationsTests(SafeguardAppFactory app) : AppTests(app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpoint_AnswersHealthyWithoutSigningIn(string path)
    {
        var response = await App.CreateClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task EveryPage_CarriesSecurityHeaders()
    {
        var response = await App.CreateClient().GetAsync("/sign-in");

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnly()
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var signInPage = await client.GetAsync("/sign-in");
        var token = SafeguardAppFactory.AntiforgeryToken(await signInPage.Content.ReadAsStringAsync());
        var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([new("Email", "sam.okafor@northbridge.example"),
                new("Password", Core.Seeding.DemoAccounts.Password), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", string.Join("; ", signInPage.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));

        var response = await client.SendAsync(request);

        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("safeguard-auth"));
        auth.ShouldContain("httponly", Case.Insensitive);
        auth.ShouldContain("samesite=lax", Case.Insensitive);
    }

    [Fact]
    public async Task UnknownPage_ShowsTheNotFoundPage()
    {
        var client = await App.SignInAsync("sam.okafor@northbridge.example");

        var response = await client.GetAsync("/no-such-page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }
}
