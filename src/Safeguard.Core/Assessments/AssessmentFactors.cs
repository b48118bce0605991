using System.Collections.Frozen;

namespace Safeguard.Core.Assessments;

/// <summary>A factor identified at the end of an assessment, as the CIN census codes it.</summary>
public sealed record AssessmentFactor(string Code, string Words, string Group);

/// <summary>
/// The CIN census "factors identified at the end of assessment" (DfE, Children in need census 2025 to 2026 guide, annex
/// on assessment factors). "21 No factors identified" stands alone (DfE validation rule 8869); 18A and 19A are no longer
/// used (queries 8945Q, 8950Q), so they are not offered.
/// </summary>
public static class AssessmentFactors
{
    public const string NoFactors = "21";
    public const char Separator = '|';

    public static readonly IReadOnlyList<AssessmentFactor> All =
    [
        .. ThreeWays("1", "Alcohol misuse", "Alcohol and drugs"),
        .. ThreeWays("2", "Drug misuse", "Alcohol and drugs"),
        .. ThreeWays("3", "Domestic abuse", "Domestic abuse"),
        .. ThreeWays("4", "Mental health", "Health and disability"),
        .. ThreeWays("5", "Learning disability", "Health and disability"),
        .. ThreeWays("6", "Physical disability or illness", "Health and disability"),
        new("7A", "Young carer", "The child"),
        new("8B", "Privately fostered: overseas child who intends to return", "Private fostering"),
        new("8C", "Privately fostered: overseas child who intends to stay", "Private fostering"),
        new("8D", "Privately fostered: UK child in an educational placement", "Private fostering"),
        new("8E", "Privately fostered: UK child making alternative arrangements", "Private fostering"),
        new("8F", "Privately fostered: other", "Private fostering"),
        new("9A", "Unaccompanied asylum-seeking child", "The child"),
        new("10A", "Going or being missing", "Harm outside the home"),
        new("11A", "Child sexual exploitation", "Harm outside the home"),
        new("12A", "Trafficking", "Harm outside the home"),
        new("13A", "Gangs", "Harm outside the home"),
        new("14A", "Socially unacceptable behaviour", "The child"),
        new("15A", "Self-harm", "The child"),
        new("16A", "Neglect", "Abuse or neglect"),
        new("17A", "Emotional abuse", "Abuse or neglect"),
        new("18B", "Physical abuse: child on child", "Abuse or neglect"),
        new("18C", "Physical abuse: adult on child", "Abuse or neglect"),
        new("19B", "Sexual abuse: child on child", "Abuse or neglect"),
        new("19C", "Sexual abuse: adult on child", "Abuse or neglect"),
        new("20", "Female genital mutilation", "Abuse or neglect"),
        new("22A", "Abuse linked to faith or belief", "Abuse or neglect"),
        new("23A", "Child criminal exploitation", "Harm outside the home"),
        new("24A", "Other", "Other"),
        new(NoFactors, "No factors identified", "None"),
    ];

    private static readonly FrozenDictionary<string, AssessmentFactor> ByCode = All.ToFrozenDictionary(f => f.Code, StringComparer.OrdinalIgnoreCase);

    public static AssessmentFactor? Find(string code) => ByCode.GetValueOrDefault(code.Trim());

    /// <summary>The stored form: known codes, upper case, each once, in the catalogue's order.</summary>
    public static string Join(IEnumerable<string> codes)
    {
        var chosen = codes.Select(Find).OfType<AssessmentFactor>().Select(f => f.Code).ToHashSet();
        return string.Join(Separator, All.Where(f => chosen.Contains(f.Code)).Select(f => f.Code));
    }

    public static IReadOnlyList<string> Split(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<AssessmentFactor> ThreeWays(string number, string words, string group) =>
    [
        new($"{number}A", $"{words}: the child", group),
        new($"{number}B", $"{words}: a parent or carer", group),
        new($"{number}C", $"{words}: another person in the household", group),
    ];
}
