using Safeguard.Core.CaseWork;
using Safeguard.Core.Work;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// The priority a contact gets from what was recorded, with the reason in plain words. Safeguarding first
/// (local pledge: "safeguarding cases given highest priority"); a manager may change it with a recorded reason.
/// </summary>
public static class ContactPriorityRule
{
    /// <summary>Categories that are child protection concerns by themselves.</summary>
    public static readonly IReadOnlySet<string> ChildProtectionCategories =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "physical-abuse", "sexual-abuse" };

    /// <summary>Categories that call for a same-day look without being child protection by themselves.</summary>
    public static readonly IReadOnlySet<string> UrgentCategories =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "neglect", "emotional-abuse", "domestic-abuse", "exploitation", "missing" };

    /// <summary>
    /// As the other overload, and: any contact about a child already on a child protection plan, or the subject of an
    /// open section 47 enquiry, is child protection whatever it says, with the plan or enquiry named in the reason
    /// (local rule: what is already known about a child outweighs how a new concern is worded).
    /// </summary>
    public static (Priority Priority, string Reason) Assess(IEnumerable<string> categories, bool immediateRisk, bool injurySeen,
        IEnumerable<DateOnly?> childrensBirthDates, DateOnly today, IEnumerable<(string ChildName, ChildProtectionFact Fact)> alreadyKnown)
    {
        var (priority, reason) = Assess(categories, immediateRisk, injurySeen, childrensBirthDates, today);
        var known = alreadyKnown.Select(k => k.Fact.Describe(k.ChildName)).Distinct().ToList();
        if (known.Count == 0) return (priority, reason);
        var why = string.Join("; ", known);
        return (Priority.ChildProtection, priority == Priority.ChildProtection ? $"{reason}; {why}" : why);
    }

    public static (Priority Priority, string Reason) Assess(IEnumerable<string> categories, bool immediateRisk, bool injurySeen,
        IEnumerable<DateOnly?> childrensBirthDates, DateOnly today)
    {
        var list = categories.ToList();
        if (immediateRisk) return (Priority.ChildProtection, "Immediate risk to a child was reported");
        if (injurySeen && childrensBirthDates.Any(d => d is { } dob && dob > today.AddYears(-1)))
            return (Priority.ChildProtection, "Injury seen on a baby under one");
        if (list.FirstOrDefault(ChildProtectionCategories.Contains) is { } cp)
            return (Priority.ChildProtection, $"Child protection concern: {ConcernCategories.Label(cp)}");
        if (injurySeen) return (Priority.Urgent, "Injury seen");
        if (list.FirstOrDefault(UrgentCategories.Contains) is { } urgent)
            return (Priority.Urgent, $"Concern needing a same-day look: {ConcernCategories.Label(urgent)}");
        return (Priority.Standard, "No child protection or urgent indicators recorded");
    }
}

/// <summary>Manager confirms "no further action" on a child protection concern (local pledge; DOMAIN.md).</summary>
public static class NoFurtherActionNeedsManagerRule
{
    public static bool Applies(Contact contact, ScreeningOutcome outcome) =>
        outcome == ScreeningOutcome.NoFurtherAction && contact.IsChildProtectionConcern;
}

/// <summary>The concern categories a contact can carry, with their labels.</summary>
public static class ConcernCategories
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("physical-abuse", "Physical abuse"),
        ("sexual-abuse", "Sexual abuse"),
        ("emotional-abuse", "Emotional abuse"),
        ("neglect", "Neglect"),
        ("domestic-abuse", "Domestic abuse"),
        ("exploitation", "Exploitation (criminal or sexual)"),
        ("missing", "Missing from home or care"),
        ("mental-health", "Mental health (child or parent)"),
        ("substance-misuse", "Substance misuse"),
        ("other", "Other"),
    ];

    public static bool IsKnown(string code) => All.Any(c => c.Code == code);

    public static string Label(string code) => All.FirstOrDefault(c => c.Code == code).Label ?? code;

    public static string Join(IEnumerable<string> codes) => string.Join('|', codes.Distinct());

    public static IReadOnlyList<string> Split(string stored) => stored.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
