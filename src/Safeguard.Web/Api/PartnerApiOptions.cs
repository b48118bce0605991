namespace Safeguard.Web.Api;

/// <summary>Configuration section "PartnerApi".</summary>
public sealed class PartnerApiOptions
{
    public const string Section = "PartnerApi";

    /// <summary>The largest request body accepted, 256 KB; more gets 413.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Requests per minute allowed for one API key (fixed one-minute windows); more gets 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 600;
}
