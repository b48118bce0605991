using System.Net;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Securing;

/// <summary>Setting up an authenticator app and signing in with its codes, as a person would, through the real pages.</summary>
public static class TwoFactorSetUp
{
    public const string Page = "/account/two-factor";

    /// <summary>Signs in with the password and sets up the app with the key the page shows; the client is then signed in.</summary>
    public static async Task<(HttpClient Client, string Key)> SetUpAsync(SafeguardAppFactory app, string email)
    {
        var client = await app.SignInAsync(email);
        var page = await Html.ParseAsync(await client.GetAsync(Page));
        var key = page.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "").Trim();
        var done = await SafeguardAppFactory.PostFormAsync(client, Page, new() { ["Code"] = Totp.Now(key, app.Time) });
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (client, key);
    }

    /// <summary>The password step alone: the browser is now at the code step.</summary>
    public static async Task<HttpClient> PasswordOnlyAsync(SafeguardAppFactory app, string email)
    {
        var client = app.CreateBrowserlikeClient();
        var response = await SafeguardAppFactory.PostFormAsync(client, "/sign-in", new() { ["Email"] = email, ["Password"] = Core.Seeding.DemoAccounts.Password });
        response.Headers.Location!.ToString().ShouldStartWith("/sign-in/two-factor");
        return client;
    }

    /// <summary>The code step: posts <paramref name="code"/> to the sign-in's second step.</summary>
    public static Task<HttpResponseMessage> EnterCodeAsync(HttpClient client, string code) =>
        SafeguardAppFactory.PostFormAsync(client, "/sign-in/two-factor", new() { ["Code"] = code });

    /// <summary>Signs in with the password and the app's next code (the clock moved on a step, since each code works once).</summary>
    public static async Task<HttpClient> SignInAsync(SafeguardAppFactory app, string email, string key)
    {
        Totp.NextStep(app.Time);
        var client = await PasswordOnlyAsync(app, email);
        (await EnterCodeAsync(client, Totp.Now(key, app.Time))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }
}
