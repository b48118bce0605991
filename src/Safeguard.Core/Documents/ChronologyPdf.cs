using Safeguard.Core.Chronology;

namespace Safeguard.Core.Documents;

/// <summary>
/// A child's chronology as a PDF for a court bundle or a meeting: a title page, then every entry the reader chose, the
/// latest first (when, what kind, what happened, the source, who recorded it, and why it is significant).
/// </summary>
public static class ChronologyPdf
{
    public const string Title = "Chronology";

    /// <param name="chronology">The entries as filtered (<see cref="ChildChronologies"/>).</param>
    /// <param name="filter">The filters chosen, named on the title page.</param>
    /// <param name="otherChildren">The household's other children, in a family chronology.</param>
    public static byte[] Write(DocumentChild child, DocumentOrigin origin, ChildChronology chronology, ChronologyFilter filter,
        IReadOnlyList<string> otherChildren)
    {
        var family = otherChildren.Count > 0;
        var title = family ? "Family chronology" : Title;
        using var doc = new PagedDocument($"{title}: {child.Name}", DocumentMarking.For(child.Restricted), TitlePage.Foot(title, child),
            origin.ProducedAt);
        var filters = ChronologyWording.Describe(filter);
        var about = new List<(string, string)>
        {
            ("Entries", filters.Length == 0 ? $"{chronology.Entries.Count}, the latest first" : $"{chronology.Entries.Count} of {chronology.Total}, the latest first"),
            ("Filters", filters.Length == 0 ? "None: every entry" : filters),
        };
        if (family) about.Insert(0, ("With", string.Join(", ", otherChildren)));
        TitlePage.Write(doc, title, child, origin, about);

        if (chronology.Total >= ChildChronologies.MaxEntries)
        {
            doc.Paragraph($"Only the latest {ChildChronologies.MaxEntries:N0} entries of each child are included. Narrow the dates to include earlier ones.",
                doc.BodyBold);
            doc.Gap(8);
        }
        if (chronology.Entries.Count == 0) doc.Paragraph(filters.Length == 0 ? "Nothing to show yet." : "Nothing to show for the filters chosen.", doc.Body);
        foreach (var entry in chronology.Entries) Entry(doc, entry, family);
        return doc.Finish();
    }

    private static void Entry(PagedDocument doc, ChronologyEntry entry, bool family)
    {
        // The entry's heading stays with at least its first lines.
        doc.KeepTogether(doc.LineHeight(doc.BodyBold) + 2 * doc.LineHeight(doc.Body));
        var kind = ChronologyWording.Of(entry.Kind) + (family ? $": {entry.Child}" : "");
        doc.Paragraph($"{ChronologyWording.When(entry)}  |  {kind}", doc.BodyBold);
        if (entry.Significant is { } significant)
        {
            doc.Paragraph(entry.Kind == ChronologyKind.Added
                ? "Significant"
                : $"Significant: {significant.Reason} ({significant.By}, {ChronologyWording.Day(significant.At)})", doc.BodyBold, PagedDocument.Red);
        }
        doc.Paragraph(entry.What, doc.Body);
        doc.Muted($"Source: {entry.Source}  |  Recorded by: {entry.RecordedBy}");
        doc.Rule();
    }
}
