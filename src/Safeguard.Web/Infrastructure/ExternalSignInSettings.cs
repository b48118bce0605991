namespace Safeguard.Web.Infrastructure;

/// <summary>
/// The council's OpenID Connect identity provider (configuration section <see cref="Section"/>). The client secret
/// comes from user secrets, the environment or a secret store, never from a file in the repository.
/// </summary>
public sealed class ExternalSignInSettings
{
    public const string Section = "Authentication:External";

    public bool Enabled { get; set; }

    /// <summary>The scheme's name, also the login provider stored with each linked account: keep it once chosen.</summary>
    public string Scheme { get; set; } = "oidc";

    /// <summary>Shown as "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "your council account";

    /// <summary>The issuer, e.g. https://login.microsoftonline.com/{tenant}/v2.0; its discovery document is read from here.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Where the identity provider returns; register https://{host}{CallbackPath} with it.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Off only for a local test server over http: a council's provider is always reached over https.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The settings that must be given once sign-in is enabled, each named as configured, for the start-up error.</summary>
    public IEnumerable<string> Missing()
    {
        if (string.IsNullOrWhiteSpace(Authority)) yield return "Authentication:External:Authority";
        if (string.IsNullOrWhiteSpace(ClientId)) yield return "Authentication:External:ClientId";
        if (string.IsNullOrWhiteSpace(ClientSecret)) yield return "Authentication:External:ClientSecret";
    }
}
