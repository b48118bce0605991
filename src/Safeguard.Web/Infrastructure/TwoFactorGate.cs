using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Someone whose roles need a second factor (<see cref="TwoFactorRule"/>), while the setting requires it, but who has not
/// set one up, is signed in only far enough to set it up: their cookie holds no permission, only <see cref="ClaimType"/>,
/// and every request but the set-up page, signing out and the status pages goes to the set-up page. The claims are
/// worked out from the account each time the cookie is made or re-checked, so the gate opens once 2FA is on.
/// </summary>
public static class TwoFactorGate
{
    public const string ClaimType = "safeguard:two-factor-set-up-required";

    public const string SetUpPath = "/account/two-factor";

    private static readonly string[] OpenPaths = [SetUpPath, "/sign-out", "/status", "/error", "/health"];

    /// <summary>Whether this account must set up two-factor sign-in before it may do anything else.</summary>
    public static bool MustSetUp(TwoFactorSettings settings, IEnumerable<string> roles, bool twoFactorEnabled) =>
        settings.RequireTwoFactor && !twoFactorEnabled && TwoFactorRule.RequiresForRoles(roles);

    public static bool IsGated(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ClaimType);

    public static void UseTwoFactorGate(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (IsGated(context.User) && !OpenPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(SetUpPath);
            return;
        }
        await next(context);
    });

    /// <summary>
    /// Makes the sign-in cookie again from the account as it is now (its permissions, the gate, the new security stamp
    /// after a change to its second factor), keeping the session held on the server.
    /// </summary>
    public static async Task ReissueCookieAsync(this SignInManager<StaffUser> signIn, StaffUser user)
    {
        var context = signIn.Context;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (ServerSessions.SessionId(context.User) is { } session && principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(ServerSessions.ClaimType, session.ToString()));
        }
        foreach (var amr in context.User.FindAll("amr")) ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", amr.Value));
        await context.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties());
    }

    /// <summary>Whether turning two-factor sign-in off is allowed for these roles (not while the setting requires it of them).</summary>
    public static bool MayTurnOff(IOptions<TwoFactorSettings> settings, IEnumerable<string> roles) =>
        !(settings.Value.RequireTwoFactor && TwoFactorRule.RequiresForRoles(roles));
}
