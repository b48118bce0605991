using Safeguard.Core.Assessments;

namespace Safeguard.Core.Returns.Validation;

/// <summary>The CIN census code sets the rules check values against (CIN census 2025-26 specification, code sets).</summary>
public static class CensusCodes
{
    public static readonly IReadOnlySet<string> Sexes = new HashSet<string> { "M", "F", "U" };

    public static readonly IReadOnlySet<string> Ethnicities = new HashSet<string>
    {
        "ABAN", "AIND", "AOTH", "APKN", "BAFR", "BCRB", "BOTH", "CHNE", "MOTH", "MWAS", "MWBA", "MWBC", "NOBT", "OOTH", "REFU",
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM",
    };

    public static readonly IReadOnlySet<string> Disabilities = new HashSet<string>
    {
        "NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA",
    };

    public static readonly IReadOnlySet<string> ReferralSources = new HashSet<string>
    {
        "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10",
    };

    public static readonly IReadOnlySet<string> PrimaryNeeds = new HashSet<string> { "N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9" };

    public static readonly IReadOnlySet<string> ClosureReasons = new HashSet<string> { "RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9" };

    public static readonly IReadOnlySet<string> AbuseCategories = new HashSet<string> { "NEG", "PHY", "EMO", "SAB", "MUL" };

    public static bool IsFactor(string code) => AssessmentFactors.Find(code) is not null;
}
