namespace Safeguard.Core.Conferences;

/// <summary>The category of abuse of a child protection plan (CIN census: NEG, PHY, EMO, SAB, MUL).</summary>
public enum AbuseCategory { Neglect, Physical, Emotional, Sexual, Multiple }

public static class AbuseCategories
{
    /// <summary>How a plan stores the category (the words the record has always kept: "neglect", "physical" ...).</summary>
    public static string Code(this AbuseCategory category) => category.ToString().ToLowerInvariant();

    /// <summary>The CIN census code: NEG, PHY, EMO, SAB or MUL.</summary>
    public static string CensusCode(this AbuseCategory category) => category switch
    {
        AbuseCategory.Neglect => "NEG",
        AbuseCategory.Physical => "PHY",
        AbuseCategory.Emotional => "EMO",
        AbuseCategory.Sexual => "SAB",
        _ => "MUL",
    };

    public static string Words(this AbuseCategory category) => category switch
    {
        AbuseCategory.Neglect => "Neglect",
        AbuseCategory.Physical => "Physical abuse",
        AbuseCategory.Emotional => "Emotional abuse",
        AbuseCategory.Sexual => "Sexual abuse",
        _ => "Multiple categories",
    };

    /// <summary>The category a plan stored as words, or null when it is not one of these.</summary>
    public static AbuseCategory? FromCode(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "neglect" => AbuseCategory.Neglect,
        "physical" or "physical-abuse" => AbuseCategory.Physical,
        "emotional" or "emotional-abuse" => AbuseCategory.Emotional,
        "sexual" or "sexual-abuse" => AbuseCategory.Sexual,
        "multiple" => AbuseCategory.Multiple,
        _ => null,
    };
}
