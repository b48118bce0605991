using System.Security.Claims;
using Safeguard.Core.Chronology;
using Safeguard.Core.Security;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Children.Chronology;

/// <summary>How the chronology names each kind of entry (<see cref="ChronologyWording"/>), and where an entry's record is (for a reader who may open it).</summary>
public static class ChronologyWords
{
    public static IReadOnlyList<(ChronologyKind Kind, string Words)> Kinds => ChronologyWording.Kinds;

    /// <summary>The date and time in UK time; an added event typed without a time shows its date alone.</summary>
    public static string When(ChronologyEntry entry) => ChronologyWording.When(entry);

    public static string Of(ChronologyKind kind) => ChronologyWording.Of(kind);

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
            Core.Attachments.Attachments.SubjectType => ($"/children/{childId}/documents/{id}", "the document"),
            "PersonRelationship" => ($"/children/{childId}#family", "the family and household"),
            _ => null,
        };
    }
}
