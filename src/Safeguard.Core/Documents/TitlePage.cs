namespace Safeguard.Core.Documents;

/// <summary>The first page of a child's document: what it is, whose, who produced it for which council and when.</summary>
internal static class TitlePage
{
    public static void Write(PagedDocument doc, string title, DocumentChild child, DocumentOrigin origin,
        IReadOnlyList<(string Label, string Value)> about)
    {
        doc.Gap(90);
        doc.Paragraph(title, doc.Title);
        doc.Paragraph(child.Name, doc.Heading);
        doc.Gap(24);
        doc.Field("Date of birth", child.Born);
        doc.Field("NHS number", child.Nhs);
        doc.Field("Safeguard record", child.Id.ToString());
        doc.Field("Council", origin.Council);
        foreach (var (label, value) in about) doc.Field(label, value);
        doc.Field("Produced by", origin.ProducedBy);
        doc.Field("Produced on", origin.When);
        doc.Gap(24);
        if (child.Restricted)
        {
            doc.Paragraph(DocumentMarking.Restricted, doc.Heading, PagedDocument.Red);
            doc.Paragraph("Only the people on this child's access list may see this record. Do not share this document with anyone else.",
                doc.BodyBold);
            doc.Gap(12);
        }
        doc.Paragraph($"This document is {DocumentMarking.Official}. It holds personal information about a child and must be "
            + "handled, stored and shared only as the council's information policy allows.", doc.Body);
        doc.Paragraph("It shows the child's record in Safeguard as it was when it was produced.", doc.Body);
        doc.NewPage();
    }

    /// <summary>The foot of every page: whose document it is.</summary>
    public static string Foot(string title, DocumentChild child) => $"{title}: {child.Name}, born {child.Born}, NHS number {child.Nhs}";
}
