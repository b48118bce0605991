using System.Globalization;
using PupilNumber = Safeguard.Core.People.Identifiers.Upn;

namespace Safeguard.Core.Seeding;

/// <summary>
/// Plausible CIN census values for seeded children (ethnicity, disabilities, UPN or why there is none, primary need),
/// worked out from a person's or referral's number alone so they never change the seeders' random sequences.
/// </summary>
internal static class CensusSeedValues
{
    // Roughly the mix of children in need in England: most white British, then mixed, Asian, black and other groups.
    private static readonly string[] Ethnicities =
    [
        "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI",
        "WOTH", "WIRI", "WROM", "MWBC", "MWBC", "MWBA", "MWAS", "MOTH", "APKN", "APKN", "AIND", "ABAN", "AOTH",
        "BAFR", "BAFR", "BCRB", "BOTH", "CHNE", "OOTH", "NOBT", "REFU",
    ];

    // Most children in need have no disability; the rest one or two of DfE's codes.
    private static readonly string[] DisabilityLists =
    [
        "NONE", "NONE", "NONE", "NONE", "NONE", "NONE", "NONE", "NONE", "NONE", "NONE", "NONE", "NONE",
        "LD", "AUT,COMM", "BEH", "BEH,LD", "MOB,HAND", "HEAR", "VIS", "PC", "CON", "INC", "DDA", "COMM",
    ];

    private static readonly string[] OtherNeeds = ["N1", "N1", "N1", "N4", "N5", "N5", "N3", "N6", "N2", "N8", "N7"];

    private static uint Mix(long n, uint salt) => unchecked((uint)(n * 2654435761L) ^ salt) * 2246822519u;

    public static string Ethnicity(long n) => Ethnicities[Mix(n, 0x9E37) % Ethnicities.Length];

    public static string Disabilities(long n) => DisabilityLists[Mix(n, 0x85EB) % DisabilityLists.Length];

    /// <summary>
    /// A UPN (with its check letter) for a child of school age on <paramref name="asAt"/>; UN1 ("under 6 and not yet in
    /// school") for a younger one. Null for adults.
    /// </summary>
    public static (string? Upn, string? UnknownReason) Upn(long n, DateOnly? dateOfBirth, DateOnly asAt, string laCode = "999")
    {
        if (dateOfBirth is not { } dob) return (null, "UN1");
        var age = asAt.Year - dob.Year - (asAt.DayOfYear < dob.DayOfYear ? 1 : 0);
        if (age < 6) return (null, "UN1");
        if (age > 18) return (null, null);
        var lastTwelve = string.Create(CultureInfo.InvariantCulture, $"{laCode}{(dob.Year + 5) % 100:00}{n % 10_000_000:0000000}");
        return (PupilNumber.CheckLetterFor(lastTwelve) + lastTwelve, null);
    }

    /// <summary>The referral's primary need, from the concern's categories when they name abuse or neglect.</summary>
    public static string PrimaryNeed(long n, string? categories) =>
        categories is { } c && (c.Contains("abuse", StringComparison.OrdinalIgnoreCase) || c.Contains("neglect", StringComparison.OrdinalIgnoreCase)
            || c.Contains("exploitation", StringComparison.OrdinalIgnoreCase))
            ? "N1"
            : OtherNeeds[Mix(n, 0xC2B2) % OtherNeeds.Length];
}
