using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.TestCommon;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Running;

/// <summary>Two instances of the app on one database (the first made and seeded it), and a third on a database of its own.</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public SafeguardAppFactory First { get; } = new();
    public SecondInstance Second { get; private set; } = null!;
    public SafeguardAppFactory Elsewhere { get; } = new();

    public async Task InitializeAsync()
    {
        await First.InitializeAsync();
        Second = new SecondInstance(First.Database);
        await Second.InitializeAsync();
        await Elsewhere.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Second).DisposeAsync();
        await ((IAsyncLifetime)Elsewhere).DisposeAsync();
        await ((IAsyncLifetime)First).DisposeAsync();
    }

    public sealed class SecondInstance(TestDatabase database) : SafeguardAppFactory
    {
        protected override TestDatabase SharedDatabase => database;
    }
}

public sealed class SharedKeysTests(TwoInstancesFixture apps) : IClassFixture<TwoInstancesFixture>
{
    /// <summary>Signs in through the form of <paramref name="app"/>, keeping the cookies by hand: the header a browser would send.</summary>
    private static async Task<string> SignInCookiesAsync(SafeguardAppFactory app)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/sign-in");
        var token = SafeguardAppFactory.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([new("Email", "sam.okafor@northbridge.example"),
                new("Password", Core.Seeding.DemoAccounts.Password), new("__RequestVerificationToken", token)]),
        };
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        post.Headers.Add("Cookie", string.Join("; ", antiforgery));
        var response = await client.SendAsync(post);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return string.Join("; ", antiforgery.Concat(response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
    }

    private static async Task<HttpResponseMessage> HomeAsync(SafeguardAppFactory app, string cookies)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task ASignInOnOneInstance_IsASignInOnTheOther()
    {
        var cookies = await SignInCookiesAsync(apps.First);

        var response = await HomeAsync(apps.Second, cookies);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Sign out");
    }

    [Fact]
    public async Task ASignInOnAnAppWithOtherKeys_IsNotAccepted()
    {
        var cookies = await SignInCookiesAsync(apps.First);
        (await HomeAsync(apps.First, cookies)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await HomeAsync(apps.Elsewhere, cookies);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/sign-in");
    }

    [Fact]
    public async Task TheKeyRing_IsKeptInTheDatabase()
    {
        await SignInCookiesAsync(apps.First);

        await using var db = apps.First.CreateDbContext();
        (await db.DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);
    }
}
