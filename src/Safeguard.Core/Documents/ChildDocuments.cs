using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Records;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Documents;

/// <summary>
/// A child's documents to download (docs/chronology.md): their chronology and their case summary as PDFs. Each download
/// is an event on the child's record, saved before the document is handed over. The caller has checked that the reader
/// may see every child in it (need to know); a child who does not exist gives no document.
/// </summary>
public sealed class ChildDocuments(SafeguardDbContext db, ChildChronologies chronologies, PersonRecords records, ChildStatuses statuses,
    TimeProvider time)
{
    /// <summary>The chronology as filtered; with <paramref name="others"/> (the household's other children), the family's.</summary>
    public async Task<ChildDocument?> ChronologyAsync(Guid personId, IReadOnlyList<(Guid Id, string Name)> others, ChronologyFilter filter,
        string council, CancellationToken ct = default)
    {
        if (await ChildAsync(personId, ct) is not var (child, surname)) return null;
        IReadOnlyList<(Guid Id, string Name)> children = [(personId, child.Name), .. others];
        var chronology = await chronologies.ForChildrenAsync(children, filter, ct);
        var origin = Origin(council);
        var content = ChronologyPdf.Write(child, origin, chronology, filter, others.Select(o => o.Name).ToList());
        var filters = ChronologyWording.Describe(filter);
        foreach (var (id, _) in children)
        {
            db.Record(new ChronologyDownloaded(chronology.Entries.Count, filters, others.Count > 0), id, nameof(Person), personId);
        }
        await db.SaveChangesAsync(ct);
        return new ChildDocument(content, FileName(others.Count > 0 ? "family-chronology" : "chronology", surname, origin));
    }

    /// <summary>The case summary: the record, the status now, and the latest significant chronology entries.</summary>
    public async Task<ChildDocument?> CaseSummaryAsync(Guid personId, string council, CancellationToken ct = default)
    {
        if (await ChildAsync(personId, ct) is not var (child, surname)) return null;
        if (await records.ViewAsync(personId, ct) is not { } record) return null;
        var status = await statuses.ForChildAsync(personId, ct);
        var significant = (await chronologies.ForChildAsync(personId, new ChronologyFilter(SignificantOnly: true), ct)).Entries
            .Take(CaseSummaryPdf.SignificantEntries).ToList();
        var origin = Origin(council);
        var content = CaseSummaryPdf.Write(new CaseSummary(child, record, status, significant), origin);
        db.Record(new CaseSummaryDownloaded(significant.Count), personId, nameof(Person), personId);
        await db.SaveChangesAsync(ct);
        return new ChildDocument(content, FileName("case-summary", surname, origin));
    }

    private DocumentOrigin Origin(string council) => new(council, db.Actor.Name, time.GetUtcNow());

    private async Task<(DocumentChild Child, string Surname)?> ChildAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth, p.NhsNumber, p.IsRestricted })
            .SingleOrDefaultAsync(ct);
        if (person is null) return null;
        var name = $"{person.GivenName} {person.FamilyName}".Trim();
        return (new DocumentChild(personId, name, person.DateOfBirth, person.NhsNumber, person.IsRestricted), person.FamilyName);
    }

    /// <summary>"chronology-green-2026-03-02.pdf": what it is, the child's surname (its letters and digits only), the UK day it was produced.</summary>
    public static string FileName(string what, string surname, DocumentOrigin origin)
    {
        var slug = new StringBuilder();
        foreach (var c in surname.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var name = slug.ToString().Trim('-');
        return $"{what}-{(name.Length == 0 ? "child" : name)}-{TimeLimits.UkDay(origin.ProducedAt):yyyy-MM-dd}.pdf";
    }
}
