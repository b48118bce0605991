namespace Safeguard.Web.Infrastructure;

public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'{0}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var config = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var policy = string.Format(System.Globalization.CultureInfo.InvariantCulture, ContentSecurityPolicy, CouncilSignInOrigin(config));
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next();
        });
    }

    /// <summary>
    /// The sign-in page's "Sign in with your council account" form is answered with a redirect to the council's
    /// identity provider, and browsers apply form-action to where a form's redirects lead as well: without the
    /// provider's origin there, the browser stops on the sign-in page.
    /// </summary>
    private static string CouncilSignInOrigin(IConfiguration config)
    {
        var settings = config.GetSection(ExternalSignInSettings.Section).Get<ExternalSignInSettings>();
        if (settings is not { Enabled: true } || !Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority)) return "";
        return " " + authority.GetLeftPart(UriPartial.Authority);
    }
}
