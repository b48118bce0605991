using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Returns.AnnexA;

/// <summary>What an export wrote: rows per list, in list order.</summary>
public sealed record AnnexASummary(ReturnPeriod Period, IReadOnlyList<(AnnexAList List, int Rows)> Lists, TimeSpan Elapsed)
{
    public int Rows => Lists.Sum(l => l.Rows);
}

/// <summary>Rows written so far in a list.</summary>
public readonly record struct AnnexAProgress(AnnexAList List, int Rows);

/// <summary>
/// Writes Ofsted's Annex A lists 1 to 7 for a period as an .xlsx workbook, one sheet per list. List 1 is read from the
/// period's contacts in one streamed statement; lists 3 to 7 from the children the CIN census reads for the same period
/// (<see cref="CensusChildren"/>, a page at a time, as at the period's last day), each child's rows going to the lists
/// they belong in as the child is read. Every child is included, restricted or not: it is the council's return to Ofsted.
/// </summary>
public sealed class AnnexAExport(SafeguardDbContext db)
{
    public int PageSize { get; init; } = CinCensusExport.DefaultPageSize;

    public async Task<AnnexASummary> WriteAsync(ReturnPeriod period, Stream output, IProgress<AnnexAProgress>? progress = null,
        CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = await ReturnConnection.OpenAsync(db, ct);
        var names = new AnnexANames(
            await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct),
            await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct));
        var sheets = AnnexALists.All.Select(l => new AnnexASheet(l)).ToList();
        try
        {
            await WriteContactsAsync(period, sheets[0], progress, ct);
            // List 2 (early help assessments): not held in this record; the sheet carries Ofsted's headings only.
            progress?.Report(new AnnexAProgress(sheets[1].List, 0));
            var rows = new AnnexARows(period, names, sheets[2], sheets[3], sheets[4], sheets[5], sheets[6]);
            var children = 0;
            await foreach (var child in new CensusChildren(db, PageSize).ReadAsync(period, AnnexARows.HistoryFrom(period), ct))
            {
                rows.Add(child);
                if (++children % PageSize == 0) rows.Report(progress);
            }
            rows.Report(progress);
            AnnexAWorkbook.Write(output, sheets);
            await output.FlushAsync(ct);
            var summary = new AnnexASummary(period, sheets.Select(s => (s.List, s.Rows)).ToList(), stopwatch.Elapsed);
            db.Record(new AnnexAExported(period.Start, period.ReferenceDate, summary.Rows));
            await db.SaveChangesAsync(ct);
            return summary;
        }
        finally
        {
            foreach (var sheet in sheets) sheet.Dispose();
        }
    }

    /// <summary>The workbook in memory: for tests and small councils.</summary>
    public async Task<(AnnexASummary Summary, byte[] Xlsx)> BuildAsync(ReturnPeriod period, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var summary = await WriteAsync(period, buffer, null, ct);
        return (summary, buffer.ToArray());
    }

    /// <summary>List 1: each child of each contact received in the period (UK days), in the order the contacts arrived.</summary>
    private async Task WriteContactsAsync(ReturnPeriod period, AnnexASheet sheet, IProgress<AnnexAProgress>? progress, CancellationToken ct)
    {
        var since = TimeLimits.UkLocal(period.Start, TimeOnly.MinValue).ToUniversalTime();
        var until = TimeLimits.UkLocal(period.ReferenceDate.AddDays(1), TimeOnly.MinValue).ToUniversalTime();
        var organisations = await db.Organisations.AsNoTracking()
            .ToDictionaryAsync(o => o.Id, o => CinReferralSourceRule.For(o.Kind, o.CinReferralSourceCode), ct);
        var contacts =
            from c in db.Contacts.AsNoTracking()
            where c.ReceivedAt >= since && c.ReceivedAt < until
            from cc in c.Children
            join p in db.People.AsNoTracking() on cc.PersonId equals p.Id
            orderby c.ReceivedAt, c.Id, cc.Id
            select new
            {
                c.ReceivedAt,
                c.ReferringOrganisationId,
                p.MergedIntoPersonId,
                Person = new PersonRow(p.Id, p.LocalChildId, p.Upn, p.FormerUpn, p.UpnUnknownReason, p.DateOfBirth, p.ExpectedDateOfBirth,
                    p.Sex, p.Ethnicity, p.Disabilities, p.DateOfDeath),
            };
        // A merged duplicate is skipped here, not in the query: asked for there, SQLite starts from every person's
        // MergedIntoPersonId instead of the period's contacts.
        await foreach (var contact in contacts.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (contact.MergedIntoPersonId is not null) continue;
            var source = contact.ReferringOrganisationId is { } org && organisations.TryGetValue(org, out var code)
                ? code
                : CinReferralSourceRule.For(null);
            sheet.Row([
                .. AnnexARows.Child(CensusEpisodes.LaChildId(contact.Person), CensusEpisodes.SexCode(contact.Person.Sex), contact.Person.Ethnicity,
                    contact.Person.DateOfBirth, period),
                TimeLimits.UkDay(contact.ReceivedAt),
                AnnexACodes.Source(source),
            ]);
            if (sheet.Rows % PageSize == 0) progress?.Report(new AnnexAProgress(sheet.List, sheet.Rows));
        }
        progress?.Report(new AnnexAProgress(sheet.List, sheet.Rows));
    }
}

/// <summary>Team and worker names by id, for the Allocated Team and Allocated Worker columns.</summary>
internal sealed record AnnexANames(IReadOnlyDictionary<Guid, string> Teams, IReadOnlyDictionary<Guid, string> Workers)
{
    public string? Team(Guid id) => Teams.GetValueOrDefault(id);

    public string? Worker(Guid? id) => id is { } worker ? Workers.GetValueOrDefault(worker) : null;
}
