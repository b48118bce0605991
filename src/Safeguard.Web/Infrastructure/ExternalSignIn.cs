namespace Safeguard.Web.Infrastructure;

/// <summary>
/// A council's identity provider plugs in as one more authentication scheme. The sign-in page offers every
/// registered remote scheme that has a display name; /sign-in/external/callback links the external identity to a
/// local account (matched by email) whose roles stay managed here. See docs/operations.md, "Council sign-in".
/// </summary>
public static class ExternalSignIn
{
    public static void Register(IServiceCollection services, IConfiguration config)
    {
        if (!config.GetValue("Authentication:External:Enabled", false)) return;
        // The OpenID Connect handler package (Microsoft.AspNetCore.Authentication.OpenIdConnect 10.0.x) is added to
        // this project where it can be restored, and registered here from configuration:
        //   services.AddAuthentication().AddOpenIdConnect(scheme, displayName, o => config.Bind("Authentication:External", o));
        // with SignInScheme = IdentityConstants.ExternalScheme. Until then, enabling it without the package fails fast.
        throw new InvalidOperationException(
            "Authentication:External:Enabled is true but this build has no OpenID Connect handler. See docs/operations.md, 'Council sign-in'.");
    }
}
