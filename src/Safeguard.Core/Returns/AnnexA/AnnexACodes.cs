using Safeguard.Core.CaseWork;

namespace Safeguard.Core.Returns.AnnexA;

/// <summary>
/// Annex A's coded values, as its template's drop-down lists write them ("b) Female", "a) WBRI", "e) 2A: Schools"), from
/// the CIN census codes the record holds (Ofsted ILACS Annex A data template, the lists' value sheets).
/// </summary>
public static class AnnexACodes
{
    /// <summary>From the census's sex code (M, F, U): the record holds no "neither" (d) apart from not known.</summary>
    public static string Gender(string censusSexCode) => censusSexCode switch
    {
        "M" => "a) Male",
        "F" => "b) Female",
        _ => "c) Not stated/recorded",
    };

    private static readonly string[] EthnicityOrder =
        ["WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE",
            "OOTH", "REFU", "NOBT"];

    /// <summary>The CIN census ethnicity code with the template's letter; blank when the record holds none.</summary>
    public static string? Ethnicity(string? code)
    {
        var value = code?.Trim().ToUpperInvariant();
        var index = value is null ? -1 : Array.IndexOf(EthnicityOrder, value);
        return index < 0 ? null : $"{(char)('a' + index)}) {value}";
    }

    private static readonly string[] SourceOrder = ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C"];

    /// <summary>The CIN census referral source code as the template lists it, e.g. "q) 6: Police".</summary>
    public static string? Source(string? code)
    {
        var value = code?.Trim().ToUpperInvariant();
        if (value is null) return null;
        var index = Array.IndexOf(SourceOrder, value);
        if (index >= 0) return $"{(char)('a' + index)}) {value}: {SourceGroup(value)}";
        return value switch
        {
            "5D" => "p1) 5D: LA services",
            "6" => "q) 6: Police",
            "7" => "r) 7: Other legal agency",
            "8" => "s) 8: Other",
            "9" => "t) 9: Anonymous",
            "10" => "u) 10: Unknown",
            _ => null,
        };
    }

    private static string SourceGroup(string code) => code[0] switch
    {
        '1' => "Individual",
        '2' => code == "2A" ? "Schools" : "Education services",
        '3' => "Health services",
        '4' => "Housing",
        _ => "LA services",
    };

    public static string YesNo(bool value) => value ? "a) Yes" : "b) No";

    public static string? YesNoUnknown(bool? value) => value switch { true => "a) Yes", false => "b) No", null => "c) Unknown" };

    /// <summary>Yes when the child has a CIN census disability code other than NONE; unknown when none is recorded.</summary>
    public static string? Disability(IReadOnlyList<string> codes) =>
        codes.Count == 0 ? YesNoUnknown(null) : YesNo(codes.Any(c => !c.Equals("NONE", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether an authorised assessment found the child needs children's social care: blank until it is authorised.</summary>
    public static string? NeedsSupport(AssessmentOutcome? outcome) => outcome switch
    {
        null => null,
        AssessmentOutcome.ChildInNeedPlan or AssessmentOutcome.StrategyDiscussion => YesNo(true),
        AssessmentOutcome.NoFurtherAction => YesNo(false),
        _ => YesNoUnknown(null),
    };

    /// <summary>The census category of abuse (NEG, PHY, SAB, EMO, MUL) as the template lists it.</summary>
    public static string? CategoryOfAbuse(string? censusCode) => censusCode switch
    {
        "NEG" => "a) Neglect",
        "PHY" => "b) Physical abuse",
        "SAB" => "c) Sexual abuse",
        "EMO" => "d) Emotional abuse",
        "MUL" => "e) Multiple/not recommended",
        _ => null,
    };

    private static readonly Dictionary<string, string> Needs = new()
    {
        ["N1"] = "Abuse or neglect", ["N2"] = "Child's disability", ["N3"] = "Parental disability or illness", ["N4"] = "Family in acute stress",
        ["N5"] = "Family dysfunction", ["N6"] = "Socially unacceptable behaviour", ["N7"] = "Low income", ["N8"] = "Absent parenting",
        ["N9"] = "Cases other than children in need", ["N0"] = "Not stated",
    };

    public static string? PrimaryNeed(string? code) =>
        code is not null && Needs.TryGetValue(code.Trim().ToUpperInvariant(), out var words) ? $"{code.Trim().ToUpperInvariant()} - {words}" : null;

    private static readonly Dictionary<string, string> Closures = new()
    {
        ["RC1"] = "Adopted", ["RC2"] = "Died", ["RC3"] = "Child arrangements order", ["RC4"] = "Special guardianship order",
        ["RC5"] = "Transferred to services of another local authority", ["RC6"] = "Transferred to adult social care services",
        ["RC7"] = "Services ceased for any other reason, including child no longer in need",
        ["RC8"] = "Case closed after assessment, no further action", ["RC9"] = "Case closed after assessment, referred to early help",
    };

    public static string? ClosureReason(string? code) =>
        code is not null && Closures.TryGetValue(code.Trim().ToUpperInvariant(), out var words) ? $"{code.Trim().ToUpperInvariant()} - {words}" : null;

    public const string LookedAfter = "a) Looked after child";
    public const string ProtectionPlan = "b) Child Protection plan";
    public const string ChildInNeedPlan = "c) Child in need plan";
    public const string OpenAssessment = "d) Open assessment";
    public const string ClosedEpisode = "e) Closed episode";
}
