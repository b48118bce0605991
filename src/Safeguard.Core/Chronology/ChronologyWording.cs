using System.Globalization;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Chronology;

/// <summary>How a chronology names each kind of entry and says when it happened, on the page and on paper alike.</summary>
public static class ChronologyWording
{
    public static readonly IReadOnlyList<(ChronologyKind Kind, string Words)> Kinds =
    [
        (ChronologyKind.Contact, "Contact"),
        (ChronologyKind.Decision, "Front door decision"),
        (ChronologyKind.Allocation, "Worker"),
        (ChronologyKind.Assessment, "Assessment"),
        (ChronologyKind.StrategyDiscussion, "Strategy discussion"),
        (ChronologyKind.Enquiry, "Section 47 enquiry"),
        (ChronologyKind.Conference, "Conference"),
        (ChronologyKind.Plan, "Plan"),
        (ChronologyKind.Visit, "Visit"),
        (ChronologyKind.CaseNote, "Case note"),
        (ChronologyKind.Carers, "Carers"),
        (ChronologyKind.Household, "Household and address"),
        (ChronologyKind.Closure, "Case closed"),
        (ChronologyKind.Added, "Significant event"),
        (ChronologyKind.Alert, "Pattern alert"),
        (ChronologyKind.Document, "Document"),
    ];

    public static string Of(ChronologyKind kind) => Kinds.Single(k => k.Kind == kind).Words;

    /// <summary>
    /// The date and time in UK time; an added event typed without a time, and a change of household or address (known by
    /// its day only), show their date alone.
    /// </summary>
    public static string When(ChronologyEntry entry)
    {
        var local = TimeZoneInfo.ConvertTime(entry.At, WorkingDayCalendar.UkTime);
        if (entry.Kind is ChronologyKind.Added or ChronologyKind.Household && local.TimeOfDay == TimeSpan.Zero) return local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return local.ToString("d MMMM yyyy 'at' h:mm", CultureInfo.InvariantCulture) + (local.Hour < 12 ? "am" : "pm");
    }

    /// <summary>The UK day of a moment: "3 March 2026".</summary>
    public static string Day(DateTimeOffset at) => TimeLimits.UkDay(at).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The filters chosen, in words ("Significant entries only; Visit, Contact; from 1 January 2025"); empty when none.</summary>
    public static string Describe(ChronologyFilter filter)
    {
        static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var parts = new List<string>();
        if (filter.SignificantOnly) parts.Add("significant entries only");
        if (filter.Kinds is { Count: > 0 } kinds) parts.Add(string.Join(", ", Kinds.Where(k => kinds.Contains(k.Kind)).Select(k => k.Words)));
        if (filter.From is { } from) parts.Add($"from {Day(from)}");
        if (filter.To is { } to) parts.Add($"to {Day(to)}");
        if (!string.IsNullOrEmpty(filter.Source)) parts.Add($"source: {filter.Source}");
        var words = string.Join("; ", parts);
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
