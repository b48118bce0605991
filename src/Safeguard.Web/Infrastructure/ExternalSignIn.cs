using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// A council's identity provider plugs in as one OpenID Connect scheme (authorization code with PKCE). The sign-in
/// page offers every registered remote scheme that has a display name; /sign-in/external/callback links the external
/// identity to a local account (matched by a verified email) whose roles stay managed here. See docs/operations.md,
/// "Council sign-in".
/// </summary>
public static class ExternalSignIn
{
    /// <summary>The OpenID Connect claim that says the provider checked the email address belongs to the person.</summary>
    public const string EmailVerifiedClaim = "email_verified";

    public static void Register(IServiceCollection services, IConfiguration config)
    {
        var settings = config.GetSection(ExternalSignInSettings.Section).Get<ExternalSignInSettings>() ?? new();
        if (!settings.Enabled) return;
        var missing = settings.Missing().ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Authentication:External:Enabled is true but {string.Join(", ", missing)} is not set. See docs/operations.md, 'Council sign-in'.");
        }

        services.AddAuthentication().AddOpenIdConnect(settings.Scheme, settings.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.CallbackPath = settings.CallbackPath;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("email");
            o.Scope.Add("profile");
            // Only the identity is kept (in the short external cookie); Safeguard calls no API with the tokens.
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            // Some providers put email_verified only in the userinfo answer: keep it either way.
            o.ClaimActions.MapUniqueJsonKey(EmailVerifiedClaim, EmailVerifiedClaim);
            o.Events.OnRemoteFailure = ShowFailure;
        });
    }

    /// <summary>True only when the provider said, as a boolean, that the email address is verified.</summary>
    public static bool HasVerifiedEmail(ClaimsPrincipal principal) =>
        bool.TryParse(principal.FindFirstValue(EmailVerifiedClaim), out var verified) && verified;

    /// <summary>
    /// A return from the provider that cannot be completed (cancelled, expired, forged or replayed) ends on the
    /// callback page that says so, never on an error page.
    /// </summary>
    private static Task ShowFailure(RemoteFailureContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalSignIn))
            .LogWarning(context.Failure, "Council sign-in through {Scheme} did not complete", context.Scheme.Name);
        context.Response.Redirect("/sign-in/external/callback");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
