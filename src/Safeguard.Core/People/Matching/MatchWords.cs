using System.Text.RegularExpressions;

namespace Safeguard.Core.People.Matching;

/// <summary>
/// How one field of two records compared, in words a worker reads beside a possible match: "same date of birth",
/// "similar first name", "different address (may have moved)". The weights stay inside the matcher.
/// </summary>
public static partial class MatchWords
{
    // One entry per agreement level of FieldLevels, in the same order (a test keeps them in step).
    private static readonly string[][] Levels =
    [
        ["same first name", "first name is a nickname, alias or one of several first names", "first name differs only by a small typo",
            "similar first name", "same first initial", "different first name"],
        ["same family name", "family name matches another name on record", "family name differs only by a small typo",
            "similar family name", "different family name"],
        ["same date of birth", "date of birth with day and month swapped", "date of birth one digit different",
            "same month and year of birth", "same year of birth", "different date of birth"],
        ["same sex", "different sex"],
        ["same NHS number", "different NHS numbers"],
        ["same {0}", "{0} one character different", "different {0}"],
        ["same address", "mostly the same address", "partly the same address", "a few address details the same",
            "different address (may have moved)"],
    ];

    private static readonly string[] Missing =
    [
        "no first name to compare", "no family name to compare", "no date of birth to compare", "no sex to compare",
        "no NHS number to compare", "no {0} to compare", "no address to compare",
    ];

    public static int LevelCount(MatchField field) => Levels[(int)field].Length;

    /// <summary>The words for one field's agreement level. <paramref name="identifier"/> names the other identifier
    /// (e.g. "UPN"); <paramref name="namesSwapped"/> notes given and family names written the other way round.</summary>
    public static string Of(MatchField field, int level, string? identifier = null, bool namesSwapped = false)
    {
        var template = level == FieldLevels.Missing ? Missing[(int)field] : Levels[(int)field][level];
        var words = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, identifier ?? "other identifier");
        return namesSwapped && field is MatchField.GivenName or MatchField.FamilyName && level != FieldLevels.Missing
            ? words + " (first and family names swapped)"
            : words;
    }

    /// <summary>
    /// An explanation line as stored with a duplicate found before explanations were written in words
    /// ("Date of birth: agrees exactly (+11.0)"), without its weight: "Date of birth: agrees exactly".
    /// </summary>
    public static string WithoutWeight(string line) => WeightSuffix().Replace(line, "");

    [GeneratedRegex(@"\s*\((?:(?:partial agreement|disagreement),\s*)?[+-]?[0-9]+(?:\.[0-9]+)?\)\s*$")]
    private static partial Regex WeightSuffix();
}
