using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Safeguard.TestIdentityProvider;

/// <summary>The person the council's identity provider signs in next; <paramref name="EmailVerified"/> null sends no email_verified claim.</summary>
public sealed record CouncilUser(string Subject, string Email, bool? EmailVerified, string Name);

/// <summary>
/// A real OpenID Connect server for tests (OpenIddict on Kestrel, http://127.0.0.1 on a free port): discovery,
/// authorization code flow with PKCE, token and userinfo endpoints, one confidential client. Its authorization
/// endpoint has no sign-in screen: it signs in whoever the test chose with <see cref="SignInNextAs"/>. It keeps no
/// store (OpenIddict's degraded mode): codes and tokens are self-contained, signed with keys made at start.
/// </summary>
public sealed class CouncilIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "safeguard";

    /// <summary>Safeguard's council sign-in settings pointed at this provider (plain HTTP on the loopback).</summary>
    public void ConfigureSafeguard(IWebHostBuilder builder, string scheme, string displayName)
    {
        builder.UseSetting("Authentication:External:Enabled", "true");
        builder.UseSetting("Authentication:External:Scheme", scheme);
        builder.UseSetting("Authentication:External:DisplayName", displayName);
        builder.UseSetting("Authentication:External:Authority", Authority.ToString());
        builder.UseSetting("Authentication:External:ClientId", ClientId);
        builder.UseSetting("Authentication:External:ClientSecret", ClientSecret);
        builder.UseSetting("Authentication:External:RequireHttpsMetadata", "false");
    }

    private readonly WebApplication _host;
    private string? _redirectUri;
    private CouncilUser? _nextUser;
    private int _tokenRequests;

    private CouncilIdentityProvider(string? redirectUri)
    {
        _redirectUri = redirectUri;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetUserInfoEndpointUris("connect/userinfo");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            server.EnableDegradedMode();
            server.UseAspNetCore().DisableTransportSecurityRequirement();
            server.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(ValidateAuthorization));
            server.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(ValidateToken));
            server.AddEventHandler<HandleAuthorizationRequestContext>(h => h.UseInlineHandler(SignInChosenUser));
        });
        _host = builder.Build();
        _host.UseAuthentication();
    }

    /// <summary>The issuer Safeguard is configured with (its discovery document is at .well-known/openid-configuration).</summary>
    public Uri Authority { get; private set; } = null!;

    /// <summary>The confidential client's secret, new for each server.</summary>
    public string ClientSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Codes presented at the token endpoint by the relying party's back channel, accepted or not.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>
    /// Starts the server; <paramref name="redirectUri"/> is the one redirect URI the client may use (none until
    /// <see cref="RegisterRedirectUri"/> names it, for a relying party whose port is known only once it has started).
    /// </summary>
    public static async Task<CouncilIdentityProvider> StartAsync(string? redirectUri = null)
    {
        var provider = new CouncilIdentityProvider(redirectUri);
        await provider._host.StartAsync();
        provider.Authority = new Uri(provider._host.Urls.First().TrimEnd('/') + "/");
        // Answer once before any test does, so a test's first sign-in does not pay for the server's first request.
        using var warmUp = new HttpClient { BaseAddress = provider.Authority };
        (await warmUp.GetAsync(".well-known/openid-configuration")).EnsureSuccessStatusCode();
        return provider;
    }

    /// <summary>From now on <paramref name="redirectUri"/> is the one redirect URI the client may use.</summary>
    public void RegisterRedirectUri(string redirectUri) => Volatile.Write(ref _redirectUri, redirectUri);

    /// <summary>The next authorization request signs in this person (until another is chosen).</summary>
    public void SignInNextAs(CouncilUser user) => Volatile.Write(ref _nextUser, user);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
    }

    // Degraded mode leaves client checks to the server: only our client, only to its registered redirect URI.
    private ValueTask ValidateAuthorization(ValidateAuthorizationRequestContext context)
    {
        if (context.ClientId != ClientId) context.Reject(Errors.InvalidClient, "Unknown client.");
        else if (context.RedirectUri != Volatile.Read(ref _redirectUri)) context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered for this client.");
        return default;
    }

    private ValueTask ValidateToken(ValidateTokenRequestContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        var secretMatches = context.Request.ClientSecret is { } secret && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(ClientSecret));
        if (context.Request.ClientId != ClientId || !secretMatches) context.Reject(Errors.InvalidClient, "Client authentication failed.");
        return default;
    }

    private ValueTask SignInChosenUser(HandleAuthorizationRequestContext context)
    {
        if (Volatile.Read(ref _nextUser) is not { } user)
        {
            context.Reject(Errors.AccessDenied, "No test user was chosen.");
            return default;
        }
        var identity = new ClaimsIdentity(nameof(CouncilIdentityProvider), Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        identity.AddClaim(new Claim(Claims.Email, user.Email));
        identity.AddClaim(new Claim(Claims.Name, user.Name));
        if (user.EmailVerified is { } verified)
        {
            identity.AddClaim(new Claim(Claims.EmailVerified, verified ? "true" : "false", ClaimValueTypes.Boolean));
        }
        identity.SetScopes(context.Request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        context.SignIn(new ClaimsPrincipal(identity));
        return default;
    }
}
