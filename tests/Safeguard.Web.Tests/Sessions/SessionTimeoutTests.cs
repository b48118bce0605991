using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Sessions;

/// <summary>
/// What the timeout warning stands on: /session?handler=status says how long is left without counting as activity,
/// posting /session ("Stay signed in") keeps the session open, and the sign-in page says why a session ended.
/// </summary>
public sealed class SessionTimeoutTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Email = "sam.okafor@northbridge.example";
    private const string Status = "/session?handler=status";

    private static async Task<HttpResponseMessage> AskAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Status);
        request.Headers.Accept.ParseAdd("application/json");
        return await client.SendAsync(request);
    }

    private static async Task<int> SecondsLeftAsync(HttpClient client)
    {
        var response = await AskAsync(client);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secondsLeft").GetInt32();
    }

    private static async Task<string> TokenAsync(HttpClient client) =>
        SafeguardAppFactory.AntiforgeryToken(await client.GetStringAsync("/session"));

    private static async Task<HttpResponseMessage> StaySignedInAsync(HttpClient client, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/session") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Accept.ParseAdd("application/json");
        if (token is not null) request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Status_WhenNotSignedIn_IsRefused()
    {
        var client = App.CreateBrowserlikeClient();

        var asked = await AskAsync(client);
        var page = await client.GetAsync("/session");
        var kept = await client.PostAsync("/session", new FormUrlEncodedContent([]));

        asked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/sign-in");
        ((int)kept.StatusCode).ShouldBeOneOf(302, 400, 401);
    }

    [Fact]
    public async Task AskingWhenTheSessionEnds_DoesNotKeepItOpen()
    {
        var client = await App.SignInAsync(Email);
        (await SecondsLeftAsync(client)).ShouldBe(30 * 60);

        App.Time.Advance(TimeSpan.FromMinutes(20));
        (await SecondsLeftAsync(client)).ShouldBe(10 * 60);
        App.Time.Advance(TimeSpan.FromMinutes(9));
        (await SecondsLeftAsync(client)).ShouldBe(60);
        App.Time.Advance(TimeSpan.FromMinutes(1));
        var ended = await AskAsync(client);

        ended.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ended").GetString().ShouldBe("idle");
    }

    [Fact]
    public async Task StaySignedIn_StartsTheIdleTimeAgain_FromNow()
    {
        var client = await App.SignInAsync(Email);
        var token = await TokenAsync(client);
        App.Time.Advance(TimeSpan.FromMinutes(29));

        var kept = await StaySignedInAsync(client, token);

        kept.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await kept.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("secondsLeft").GetInt32().ShouldBe(30 * 60);
        body.GetProperty("endsAt").GetDateTimeOffset().ShouldBe(App.Time.GetUtcNow().AddMinutes(30));
        App.Time.Advance(TimeSpan.FromMinutes(29));
        (await SecondsLeftAsync(client)).ShouldBe(60);
    }

    [Fact]
    public async Task StaySignedIn_WithoutTheFormToken_IsRefused_AndKeepsNothing()
    {
        var client = await App.SignInAsync(Email);
        App.Time.Advance(TimeSpan.FromMinutes(10));

        await TokenAsync(client);
        var refused = await StaySignedInAsync(client, token: null);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Reading /session for the token counts as activity; the refused post must not have moved it further.
        (await SecondsLeftAsync(client)).ShouldBe(30 * 60);
        App.Time.Advance(TimeSpan.FromMinutes(30));
        (await AskAsync(client)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AfterThirtyIdleMinutes_ThePageGoesToSignIn_WhichSaysWhy()
    {
        var client = await App.SignInAsync(Email);
        App.Time.Advance(TimeSpan.FromMinutes(31));

        var idle = await client.GetAsync("/");
        idle.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var signIn = idle.Headers.Location!.ToString();
        signIn.ShouldContain("ended=idle");
        var page = await Html.ParseAsync(await client.GetAsync(signIn));

        page.QuerySelector("[data-testid=session-ended]")!.TextContent.ShouldContain("You were signed out because you were inactive for 30 minutes");
        page.QuerySelector("#session-timeout").ShouldBeNull();
    }

    [Fact]
    public async Task SignedInPages_CarryTheWarning_TwoMinutesBeforeTheEnd_AndTheSignInPageWithoutAReason_SaysNothing()
    {
        var client = await App.SignInAsync(Email);

        var home = await Html.ParseAsync(await client.GetAsync("/"));
        var plain = await Html.ParseAsync(await App.CreateBrowserlikeClient().GetAsync("/sign-in"));

        var dialog = home.QuerySelector("dialog#session-timeout")!;
        dialog.GetAttribute("data-warn-seconds").ShouldBe("120");
        dialog.QuerySelector("h2")!.TextContent.ShouldBe("You're about to be signed out");
        dialog.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldBe(["Stay signed in", "Sign out"]);
        plain.QuerySelector("[data-testid=session-ended]").ShouldBeNull();
    }
}
