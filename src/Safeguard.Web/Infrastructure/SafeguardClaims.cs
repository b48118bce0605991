namespace Safeguard.Web.Infrastructure;

public static class SafeguardClaims
{
    public const string Permission = "safeguard:permission";
    public const string DisplayName = "safeguard:display-name";
    public const string TeamId = "safeguard:team";
    public const string OrganisationId = "safeguard:organisation";
}
