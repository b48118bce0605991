using System.Globalization;
using System.Security.Claims;
using Safeguard.Core.Chronology;
using Safeguard.Core.Security;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Children.Chronology;

/// <summary>How the chronology names each kind of entry, and where an entry's record is (for a reader who may open it).</summary>
public static class ChronologyWords
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
        (ChronologyKind.Closure, "Case closed"),
        (ChronologyKind.Added, "Significant event"),
        (ChronologyKind.Alert, "Pattern alert"),
    ];

    /// <summary>The date and time in UK time; an added event typed without a time shows its date alone.</summary>
    public static string When(ChronologyEntry entry)
    {
        var local = TimeZoneInfo.ConvertTime(entry.At, Core.Timescales.WorkingDayCalendar.UkTime);
        if (entry.Kind == ChronologyKind.Added && local.TimeOfDay == TimeSpan.Zero) return local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return local.ToString("d MMMM yyyy 'at' h:mm", CultureInfo.InvariantCulture) + (local.Hour < 12 ? "am" : "pm");
    }

    public static string Of(ChronologyKind kind) => Kinds.Single(k => k.Kind == kind).Words;

    /// <summary>The page of the entry's record, when there is one the reader may open; null otherwise.</summary>
    public static (string Href, string Words)? Link(ChronologyEntry entry, Guid childId, ClaimsPrincipal reader)
    {
        if (entry.SubjectId is not { } id) return null;
        bool May(string permission) => reader.HasClaim(SafeguardClaims.Permission, permission);
        return entry.SubjectType switch
        {
            "Contact" when May(Permissions.ReadContacts) => ($"/front-door/contacts/{id}", "the contact"),
            "Assessment" => ($"/assessments/{id}", "the assessment"),
            "StrategyDiscussion" => ($"/strategy-discussions/{id}", "the strategy discussion"),
            "ChildProtectionConference" => ($"/conferences/{id}", "the conference"),
            "ChildPlan" when entry.EventName.StartsWith("plan.in-need", StringComparison.Ordinal) => ($"/child-in-need-plans/{id}", "the plan"),
            "ChildPlan" => ($"/plans/{id}", "the plan"),
            "CaseNote" => ($"/children/{childId}#case-notes", "the case notes"),
            "CarerArrangement" when May(Permissions.RecordArrangements) => ($"/arrangements/{id}", "the arrangement"),
            _ => null,
        };
    }
}
