using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Sessions;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Ties the sign-in cookie to a session held on the server (<see cref="SignInSessions"/>): signing in opens one and puts
/// its id in the cookie; every request checks it is still open; signing out closes it. A copy of the cookie made before
/// signing out, or after 30 idle minutes, then opens nothing.
/// </summary>
public static class ServerSessions
{
    public const string ClaimType = "safeguard:session";

    public static void Attach(CookieAuthenticationEvents events)
    {
        var signingIn = events.OnSigningIn;
        events.OnSigningIn = async context =>
        {
            await signingIn(context);
            if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst(ClaimType) is null
                && Guid.TryParse(context.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            {
                var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
                identity.AddClaim(new Claim(ClaimType, (await sessions.StartAsync(userId, context.HttpContext.RequestAborted)).ToString()));
            }
        };

        // Identity's own check (the account's security stamp) first, then the session's.
        var validate = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            await validate(context);
            if (context.Principal is not { } principal) return;
            var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
            var open = SessionId(principal) is { } sessionId && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
                && await sessions.CheckAsync(sessionId, userId, context.HttpContext.RequestAborted) == SessionState.Active;
            if (open) return;
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        };

        var signingOut = events.OnSigningOut;
        events.OnSigningOut = async context =>
        {
            await signingOut(context);
            if (SessionId(context.HttpContext.User) is { } sessionId)
            {
                var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
                await sessions.EndAsync(sessionId, SessionEnd.SignedOut, context.HttpContext.RequestAborted);
            }
        };
    }

    /// <summary>Identity rebuilds the principal when it re-checks the security stamp: the session goes with it.</summary>
    public static Task KeepSessionOnRefresh(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimType) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && identity.FindFirst(ClaimType) is null)
        {
            identity.AddClaim(new Claim(ClaimType, claim.Value));
        }
        return Task.CompletedTask;
    }

    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimType), out var id) ? id : null;
}
