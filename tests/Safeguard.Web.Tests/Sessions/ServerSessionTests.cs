using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Sessions;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Sessions;

/// <summary>
/// Sessions are held on the server: a cookie copied before signing out opens nothing afterwards, and a session ends after
/// 30 idle minutes and after 8 hours however active (the fake clock moves; the requests are real).
/// </summary>
public sealed class ServerSessionTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Email = "sam.okafor@northbridge.example";

    /// <summary>Signs in through the form with no cookie handling, returning the cookies as a browser would hold them.</summary>
    private async Task<string> SignInForCookiesAsync(HttpClient client)
    {
        var signInPage = await client.GetAsync("/sign-in");
        var token = SafeguardAppFactory.AntiforgeryToken(await signInPage.Content.ReadAsStringAsync());
        var antiforgery = string.Join("; ", signInPage.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([new("Email", Email), new("Password", Core.Seeding.DemoAccounts.Password), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auth = response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("safeguard-auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]);
        return string.Join("; ", auth.Prepend(antiforgery));
    }

    private static async Task<HttpResponseMessage> GetWithAsync(HttpClient client, string path, string cookies)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task ACookieCopiedBeforeSigningOut_OpensNoChildsRecordAfterwards()
    {
        var child = await App.DemoChildIdAsync("Ellie");
        var raw = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var copied = await SignInForCookiesAsync(raw);
        (await GetWithAsync(raw, $"/children/{child}", copied)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var home = await GetWithAsync(raw, "/", copied);
        var signOut = new HttpRequestMessage(HttpMethod.Post, "/sign-out")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await home.Content.ReadAsStringAsync()))]),
        };
        signOut.Headers.Add("Cookie", copied);
        (await raw.SendAsync(signOut)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await GetWithAsync(raw, $"/children/{child}", copied);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/sign-in");
        await using var db = App.CreateDbContext();
        (await db.SignInSessions.Where(s => s.EndedAt != null).Select(s => s.EndedBecause).ToListAsync()).ShouldContain(SessionEnd.SignedOut);
        (await db.Events.AnyAsync(e => e.Type == SessionEnded.Name)).ShouldBeTrue();
    }

    [Fact]
    public async Task ThirtyMinutesWithoutARequest_EndsTheSession_ButRequestsWithinThatKeepItOpen()
    {
        var client = await App.SignInAsync(Email);
        for (var i = 0; i < 3; i++)
        {
            App.Time.Advance(TimeSpan.FromMinutes(29));
            (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {29 * (i + 1)} minutes, each within 29 of the last");
        }

        App.Time.Advance(TimeSpan.FromMinutes(30));
        var idle = await client.GetAsync("/");

        idle.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        idle.Headers.Location!.ToString().ShouldContain("/sign-in");
        await using var db = App.CreateDbContext();
        (await db.SignInSessions.Where(s => s.EndedBecause == SessionEnd.Idle).CountAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task EightHoursAfterSigningIn_TheSessionEnds_HoweverActive()
    {
        var client = await App.SignInAsync(Email);
        for (var minutes = 25; minutes < 8 * 60; minutes += 25)
        {
            App.Time.Advance(TimeSpan.FromMinutes(25));
            (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, $"{minutes} minutes after signing in");
        }

        App.Time.Advance(TimeSpan.FromMinutes(25));
        var late = await client.GetAsync("/");

        late.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        late.Headers.Location!.ToString().ShouldContain("/sign-in");
    }
}
