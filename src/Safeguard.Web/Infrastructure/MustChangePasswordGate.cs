using Microsoft.AspNetCore.WebUtilities;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Someone signed in with a password an administrator set (<see cref="Core.Workforce.StaffUser.MustChangePassword"/>)
/// reaches only the change-password page and sign-out until they change it; every other address sends them there. Their
/// principal also carries no permissions (PermissionClaimsFactory), so nothing else would open anyway.
/// </summary>
public static class MustChangePasswordGate
{
    public const string Path = "/account/password";

    private static readonly string[] Open = [Path, "/sign-out", "/status", "/error"];

    /// <summary>The change page, coming back to <paramref name="returnUrl"/> afterwards when it is not the home page.</summary>
    public static string ChangePage(string returnUrl) =>
        returnUrl is "/" or "" ? Path : QueryHelpers.AddQueryString(Path, "ReturnUrl", returnUrl);

    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(SafeguardClaims.MustChangePassword, "true")
            && !Open.Any(open => context.Request.Path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(Path);
            return;
        }
        await next(context);
    });
}
