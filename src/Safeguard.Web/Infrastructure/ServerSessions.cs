using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Data;
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

        var validate = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            try
            {
                await ValidateAsync(context, validate);
            }
            catch (Exception ex) when (DatabaseUnavailable.IsTransient(ex))
            {
                // Not an ended session: the request is answered 503 (DatabaseUnavailableAnswer), and the cookie is kept.
                DatabaseUnavailableAnswer.SignInCheckFailed(context.HttpContext, ex);
                context.RejectPrincipal();
            }
        };

        // The sign-in page says why a session ended ("inactive for 30 minutes"); the page's script is answered 401, not sent there.
        var redirectToLogin = events.OnRedirectToLogin;
        events.OnRedirectToLogin = async context =>
        {
            var why = context.HttpContext.Items[EndedItem] as SessionEnd?;
            if (WantsJson(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new { ended = EndedWord(why) });
                return;
            }
            if (why is not null) context.RedirectUri += (context.RedirectUri.Contains('?') ? "&" : "?") + "ended=" + EndedWord(why);
            await redirectToLogin(context);
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

    /// <summary>Identity's own check (the account's security stamp) first, then the session's.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> validate)
    {
        await validate(context);
        if (context.Principal is not { } principal) return;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        // The page's own question "when do I end?" is not the person doing anything: it neither counts as seen nor renews the cookie.
        var asking = IsStatusRequest(context.HttpContext.Request);
        if (asking) context.ShouldRenew = false;
        var sessionId = SessionId(principal);
        var open = sessionId is not null && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && await sessions.CheckAsync(sessionId.Value, userId, context.HttpContext.RequestAborted, seen: !asking) == SessionState.Active;
        if (open) return;
        if (sessionId is { } ended && await sessions.EndedBecauseAsync(ended, context.HttpContext.RequestAborted) is { } why)
            context.HttpContext.Items[EndedItem] = why;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
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

    /// <summary>The page that answers when the session ends (GET, asked by the timeout warning's script).</summary>
    public const string StatusPath = "/session";

    private const string EndedItem = "safeguard:session-ended";

    /// <summary>"When does my session end?" without it counting as activity: GET /session?handler=status.</summary>
    public static bool IsStatusRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Equals(StatusPath, StringComparison.OrdinalIgnoreCase)
        && string.Equals(request.Query["handler"], "status", StringComparison.OrdinalIgnoreCase);

    private static bool WantsJson(HttpRequest request) =>
        request.Path.Equals(StatusPath, StringComparison.OrdinalIgnoreCase) && request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The word the sign-in page reads from <c>?ended=</c>.</summary>
    public static string? EndedWord(SessionEnd? why) => why switch
    {
        SessionEnd.Idle => "idle",
        SessionEnd.TooLong => "too-long",
        SessionEnd.SignedOut => "signed-out",
        _ => null,
    };

    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimType), out var id) ? id : null;
}
