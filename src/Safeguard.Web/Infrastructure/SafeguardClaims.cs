namespace Safeguard.Web.Infrastructure;

public static class SafeguardClaims
{
    public const string Permission = "safeguard:permission";
    public const string DisplayName = "safeguard:display-name";
    public const string TeamId = "safeguard:team";
    public const string OrganisationId = "safeguard:organisation";
    /// <summary>"true" while the password an administrator set is still to be changed (MustChangePasswordGate).</summary>
    public const string MustChangePassword = "safeguard:must-change-password";
}
