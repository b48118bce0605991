using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Safeguard.Core.Audit;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>
/// A council identity provider is one more authentication scheme. This test provider answers a challenge at once
/// with the identity the test chose, the way an OpenID Connect handler returns after the council's sign-in.
/// </summary>
public sealed class ExternalSignInTests(ExternalSignInTests.Factory app) : IClassFixture<ExternalSignInTests.Factory>
{
    public sealed class IdentityProviderState
    {
        public string Email { get; set; } = "";
    }

    public sealed class CouncilIdentityProvider(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
        UrlEncoder encoder, IdentityProviderState state) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

        protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "idp|" + state.Email),
                new Claim(ClaimTypes.Email, state.Email),
                new Claim(ClaimTypes.Name, state.Email),
            ], Scheme.Name);
            await Context.SignInAsync(IdentityConstants.ExternalScheme, new ClaimsPrincipal(identity), properties);
            Context.Response.Redirect(properties.RedirectUri ?? "/");
        }
    }

    public sealed class Factory : SafeguardAppFactory
    {
        public IdentityProviderState State { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(State);
                services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, CouncilIdentityProvider>("council", "your council account", _ => { });
            });
        }
    }

    private async Task<HttpResponseMessage> SignInWithCouncilAsync(HttpClient client, string email)
    {
        app.State.Email = email;
        var challenge = await SafeguardAppFactory.PostFormAsync(client, "/sign-in?handler=External", new() { ["scheme"] = "council" }, "/sign-in");
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await client.GetAsync(challenge.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignInPage_OffersTheCouncilAccount()
    {
        var page = await app.CreateBrowserlikeClient().GetStringAsync("/sign-in");

        page.ShouldContain("Sign in with your council account");
    }

    [Fact]
    public async Task CouncilIdentity_WithALocalAccount_SignsInWithTheLocalRoles()
    {
        var client = app.CreateBrowserlikeClient();

        var callback = await SignInWithCouncilAsync(client, "grace.lee@northbridge.example");

        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/")).ShouldContain("Hello, Grace Lee");
        (await client.GetAsync("/children")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.CreateDbContext();
        (await db.UserLogins.AnyAsync(l => l.LoginProvider == "council" && l.ProviderKey == "idp|grace.lee@northbridge.example")).ShouldBeTrue();
    }

    [Fact]
    public async Task CouncilIdentity_WithoutALocalAccount_IsRefusedAndAudited()
    {
        var client = app.CreateBrowserlikeClient();

        var callback = await SignInWithCouncilAsync(client, "stranger@elsewhere.example");

        callback.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await callback.Content.ReadAsStringAsync()).ShouldContain("There is no Safeguard account for you");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.CreateDbContext();
        (await db.Events.AnyAsync(e => e.Type == SignInFailed.Name && e.Summary.Contains("stranger@elsewhere.example"))).ShouldBeTrue();
    }
}
