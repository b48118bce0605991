using System.Globalization;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Chronology;
using Safeguard.Core.People;
using Safeguard.Core.Records;

namespace Safeguard.Core.Documents;

/// <summary>What a case summary holds: the child's record, their status now, and their latest significant chronology entries.</summary>
public sealed record CaseSummary(DocumentChild Child, PersonRecordView Record, ChildStatus Status, IReadOnlyList<ChronologyEntry> Significant);

/// <summary>
/// A child's case summary as a PDF: a title page, then who the child is, their plans and status now (open cases and
/// their workers, plans, enquiries, alerts), their family and household, their referrals, and the latest significant
/// entries of their chronology.
/// </summary>
public static class CaseSummaryPdf
{
    public const string Title = "Case summary";

    /// <summary>How many significant entries the summary shows, the latest first.</summary>
    public const int SignificantEntries = 10;

    public static byte[] Write(CaseSummary summary, DocumentOrigin origin)
    {
        var child = summary.Child;
        using var doc = new PagedDocument($"{Title}: {child.Name}", DocumentMarking.For(child.Restricted), TitlePage.Foot(Title, child), origin.ProducedAt);
        TitlePage.Write(doc, Title, child, origin, []);
        TheChild(doc, summary.Record);
        Status(doc, summary.Status);
        Family(doc, summary.Record);
        Referrals(doc, summary.Record);
        Significant(doc, summary.Significant);
        return doc.Finish();
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static void Section(PagedDocument doc, string heading)
    {
        doc.Gap(10);
        doc.KeepTogether(doc.LineHeight(doc.Heading) + 3 * doc.LineHeight(doc.Body));
        doc.Paragraph(heading, doc.Heading);
        doc.Gap(4);
    }

    private static void TheChild(PagedDocument doc, PersonRecordView record)
    {
        var p = record.Person;
        Section(doc, "The child");
        doc.Field("Name", $"{p.GivenName} {p.FamilyName}".Trim());
        doc.Field("Date of birth", p.DateOfBirth is { } born ? Day(born) : p.ExpectedDateOfBirth is { } due ? $"Expected {Day(due)}" : "Not known");
        doc.Field("Sex", p.Sex.Words());
        doc.Field("School", p.School ?? "Not known");
        doc.Field("Address", record.Addresses.FirstOrDefault() is { } a ? $"{a.Line1}, {a.Town}, {a.Postcode}" : "Not known");
        if (record.OtherNames.Count > 0)
        {
            doc.Field("Other names", string.Join("\n", record.OtherNames.Select(n => $"{n.GivenName} {n.FamilyName} ({n.Kind.Words().ToLowerInvariant()})")));
        }
    }

    private static void Status(PagedDocument doc, ChildStatus status)
    {
        Section(doc, "Current plans and status");
        if (status.IsEmpty)
        {
            doc.Paragraph("No open plans, cases or alerts.", doc.Body);
            return;
        }
        foreach (var plan in status.Plans.Where(p => p.Kind == PlanKind.ChildProtection))
        {
            doc.Field("Child protection plan", $"{Sentence(ChildStatus.Category(plan.Category))}, since {ChildStatus.Date(plan.StartedOn)}");
        }
        foreach (var enquiry in status.Enquiries) doc.Field("Section 47 enquiry", $"Open since {ChildStatus.Date(enquiry.StartedOn)}");
        foreach (var period in status.LookedAfter)
        {
            doc.Field("Looked after", $"{Sentence(LookedAfterPeriod.Describe(period.LegalStatus))}, since {ChildStatus.Date(period.StartedOn)}");
        }
        foreach (var plan in status.Plans.Where(p => p.Kind == PlanKind.ChildInNeed)) doc.Field("Child in need plan", $"Since {ChildStatus.Date(plan.StartedOn)}");
        foreach (var open in status.Cases)
        {
            doc.Field("Open case", open.WorkerName is { } worker
                ? $"Allocated to {worker} ({open.TeamName}), referred {ChildStatus.Date(open.ReferralDate)}"
                : $"Awaiting allocation by {open.TeamName}, referred {ChildStatus.Date(open.ReferralDate)}");
        }
        foreach (var alert in status.Alerts)
        {
            doc.Field("Alert", $"{Sentence(alert.Title)}: {alert.Message} (raised {ChronologyWording.Day(alert.RaisedAt)})");
        }
    }

    private static void Family(PagedDocument doc, PersonRecordView record)
    {
        Section(doc, "Family and household");
        if (record.Household.Count == 0 && record.Relationships.Count == 0)
        {
            doc.Paragraph("No relationships or household members recorded.", doc.Body);
            return;
        }
        foreach (var member in record.Household)
        {
            doc.Field(member.Name, $"{(member.DateOfBirth is { } born ? $"Born {Day(born)}" : "Date of birth not known")}. {member.How}");
        }
        var household = record.Household.Select(h => h.PersonId).ToHashSet();
        foreach (var relation in record.Relationships.Where(r => !household.Contains(r.RelatedPersonId)))
        {
            doc.Field(relation.RelatedName, relation.Description + (relation.To is { } to ? $", until {Day(to)}" : ""));
        }
    }

    private static void Referrals(PagedDocument doc, PersonRecordView record)
    {
        if (record.Referrals.Count == 0) return;
        Section(doc, "Referrals");
        foreach (var referral in record.Referrals)
        {
            doc.Field(Day(referral.ReferralDate), $"{referral.Source}. {referral.Status}"
                + (referral.ClosedOn is { } closed ? $", closed {Day(closed)}" : "")
                + (referral.ClosureReason is { } reason ? $" ({reason})" : "")
                + (referral.IsReReferral ? ". A re-referral within 12 months" : ""));
        }
    }

    private static void Significant(PagedDocument doc, IReadOnlyList<ChronologyEntry> entries)
    {
        Section(doc, "Latest significant entries in the chronology");
        if (entries.Count == 0)
        {
            doc.Paragraph("No entry has been marked significant.", doc.Body);
            return;
        }
        foreach (var entry in entries)
        {
            doc.KeepTogether(doc.LineHeight(doc.BodyBold) + 2 * doc.LineHeight(doc.Body));
            doc.Paragraph($"{ChronologyWording.When(entry)}  |  {ChronologyWording.Of(entry.Kind)}", doc.BodyBold);
            if (entry.Kind != ChronologyKind.Added && entry.Significant is { } s) doc.Paragraph($"Significant: {s.Reason} ({s.By})", doc.Body, PagedDocument.Red);
            doc.Paragraph(entry.What, doc.Body);
            doc.Muted($"Source: {entry.Source}  |  Recorded by: {entry.RecordedBy}");
            doc.Rule();
        }
    }

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
