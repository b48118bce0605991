namespace Safeguard.Core.Returns;

/// <summary>
/// The census header's values that belong to the council and the software (configuration section "CinCensus"), e.g.
/// <c>CinCensus__LaCode=201</c>.
/// </summary>
public sealed class CinCensusSettings
{
    public const string Section = "CinCensus";

    /// <summary>The council's three-digit DfE local authority code (LEA); 999 is the demo council's.</summary>
    public string LaCode { get; set; } = "999";

    public string SoftwareCode { get; set; } = "Safeguard";

    public string Release { get; set; } = "1.0";

    /// <summary>The return's serial number: raise it when a corrected return is sent.</summary>
    public string SerialNo { get; set; } = "001";
}
