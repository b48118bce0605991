using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Seeding;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Running;

/// <summary>The app behind a council's proxy at 10.0.0.5 (and its network 10.1.0.0/16); each request says where it came from.</summary>
public sealed class ProxiedAppFactory : SafeguardAppFactory
{
    /// <summary>A test-only header: the address the request's connection comes from, as Kestrel would see it.</summary>
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", "10.0.0.5");
        builder.UseSetting("ForwardedHeaders:KnownNetworks:0", "10.1.0.0/16");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].FirstOrDefault() ?? "192.0.2.1");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class ProxyTests(ProxiedAppFactory app) : IClassFixture<ProxiedAppFactory>
{
    private const string CouncilHost = "safeguard.council.example";

    private static HttpRequestMessage Get(string path, string peer, string? forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = CouncilHost;
        request.Headers.Add(ProxiedAppFactory.PeerHeader, peer);
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        }
        return request;
    }

    private HttpClient Client() => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("10.1.42.7")]
    public async Task HttpsFromATrustedProxy_SendsHstsForAYearAndSecureCookies(string proxy)
    {
        var response = await Client().SendAsync(Get("/sign-in", proxy, "https"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        int.Parse(hsts.Split("max-age=")[1].Split(';')[0]).ShouldBeGreaterThanOrEqualTo(365 * 24 * 3600);
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("safeguard-af"));
        antiforgery.ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task HttpsClaimedByAnUntrustedAddress_IsIgnored()
    {
        var response = await Client().SendAsync(Get("/sign-in", "198.51.100.20", "https"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("safeguard-af")).ShouldNotContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task PlainHttpFromTheProxy_HasNoHsts()
    {
        var response = await Client().SendAsync(Get("/sign-in", "10.0.0.5", forwardedProto: null));

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task SigningInThroughTheProxyOverHttps_GivesASecureSignInCookie()
    {
        var client = Client();
        var page = await client.SendAsync(Get("/sign-in", "10.0.0.5", "https"));
        var token = SafeguardAppFactory.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([new("Email", "sam.okafor@northbridge.example"),
                new("Password", DemoAccounts.Password), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Host = CouncilHost;
        post.Headers.Add(ProxiedAppFactory.PeerHeader, "10.0.0.5");
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));

        var response = await client.SendAsync(post);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("safeguard-auth"));
        auth.ShouldContain("secure", Case.Insensitive);
        auth.ShouldContain("httponly", Case.Insensitive);
    }
}
