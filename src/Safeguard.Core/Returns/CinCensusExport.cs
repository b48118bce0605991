using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Returns;

/// <summary>What an export wrote.</summary>
public sealed record CinCensusSummary(CensusYear Year, int Children, int Episodes, TimeSpan Elapsed);

/// <summary>
/// Writes the Children in Need census for a year: every child with a CIN episode (a referral) open at any point in it,
/// read a page of children at a time (with one query per table for the page) and written as it is read, so a large
/// council's return never sits in memory whole.
/// </summary>
public sealed class CinCensusExport(SafeguardDbContext db, IOptions<CinCensusSettings> settings, TimeProvider time)
{
    public const int DefaultPageSize = 2000;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <param name="progress">Told the number of children written so far after each page.</param>
    /// <param name="eachChild">Shown each child as it is written (to check it against DfE's rules in the same pass).</param>
    public async Task<CinCensusSummary> WriteAsync(CensusYear year, Stream output, IProgress<int>? progress = null, CancellationToken ct = default,
        Action<CensusChild>? eachChild = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var xmlSettings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false };
        var children = 0;
        var episodes = 0;
        using (var xml = XmlWriter.Create(output, xmlSettings))
        {
            xml.WriteStartDocument();
            var madeAt = TimeZoneInfo.ConvertTime(time.GetUtcNow(), WorkingDayCalendar.UkTime);
            CinCensusXml.WriteHeader(xml, year, settings.Value, madeAt);
            await foreach (var child in ChildrenAsync(year, ct))
            {
                CinCensusXml.WriteChild(xml, child);
                eachChild?.Invoke(child);
                episodes += child.Episodes.Count;
                if (++children % PageSize == 0)
                {
                    xml.Flush();
                    await output.FlushAsync(ct);
                    progress?.Report(children);
                }
            }
            progress?.Report(children);
            CinCensusXml.WriteEnd(xml);
            xml.WriteEndDocument();
        }
        await output.FlushAsync(ct);
        return new CinCensusSummary(year, children, episodes, stopwatch.Elapsed);
    }

    /// <summary>The census's children in the order they are written, read a page at a time.</summary>
    public async IAsyncEnumerable<CensusChild> ChildrenAsync(CensusYear year, [EnumeratorCancellation] CancellationToken ct = default)
    {
        Guid? after = null;
        while (true)
        {
            var (children, last) = await ReadPageAsync(year, after, ct);
            foreach (var child in children) yield return child;
            if (last is null) yield break;
            after = last;
        }
    }

    /// <summary>The census as an XML document in memory: for tests and small councils.</summary>
    public async Task<(CinCensusSummary Summary, byte[] Xml)> BuildAsync(CensusYear year, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var summary = await WriteAsync(year, buffer, null, ct);
        return (summary, buffer.ToArray());
    }

    /// <summary>
    /// A page of children and the id to read on from (null after the last page). The page's children are found from the
    /// year's referrals in the order of their person ids (an index), then every table is read for the page's ids passed as
    /// one array parameter: the same statement every page, each row found through an index.
    /// </summary>
    private async Task<(List<CensusChild> Children, Guid? Last)> ReadPageAsync(CensusYear year, Guid? after, CancellationToken ct)
    {
        var start = year.Start;
        var end = year.ReferenceDate;
        var inYear = db.Referrals.AsNoTracking().Where(r => r.ReferralDate <= end && (r.ClosedOn == null || r.ClosedOn >= start));
        if (after is { } previous) inYear = inYear.Where(r => r.PersonId > previous);
        // Not DISTINCT in the query: SQLite would find every later referral before sorting. A child whose referrals a page
        // reads only in part is whole all the same: the tables below are read by child.
        var found = await inYear.OrderBy(r => r.PersonId).Select(r => r.PersonId).Take(PageSize).ToListAsync(ct);
        if (found.Count == 0) return ([], null);
        var ids = found.Distinct().ToList();

        // A merged duplicate is left out (its referrals belong to the survivor).
        var people = await db.People.AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.Id) && p.MergedIntoPersonId == null)
            .Select(p => new PersonRow(p.Id, p.LocalChildId, p.Upn, p.FormerUpn, p.UpnUnknownReason, p.DateOfBirth, p.ExpectedDateOfBirth,
                p.Sex, p.Ethnicity, p.Disabilities, p.DateOfDeath))
            .ToDictionaryAsync(p => p.Id, ct);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => EF.Parameter(ids).Contains(r.PersonId) && r.ReferralDate <= end && (r.ClosedOn == null || r.ClosedOn >= start))
            .Select(r => new ReferralRow(r.Id, r.PersonId, r.ReferralDate, r.SourceCode, r.PrimaryNeedCode, r.ClosedOn, r.ClosureReason))
            .ToListAsync(ct);
        var referralIds = referrals.Select(r => r.Id).ToList();
        var rows = new EpisodeRows(
            (await db.Assessments.AsNoTracking().Where(a => EF.Parameter(referralIds).Contains(a.ReferralId))
                .Select(a => new AssessmentRow(a.ReferralId, a.StartedOn, a.AuthorisedOn, a.Factors)).ToListAsync(ct))
                .ToLookup(a => a.ReferralId),
            (await db.ChildPlans.AsNoTracking().Where(p => EF.Parameter(referralIds).Contains(p.ReferralId))
                .Select(p => new PlanRow(p.Id, p.ReferralId, p.Kind, p.StartedOn, p.EndedOn, p.InitialCategory, p.Category, p.Number)).ToListAsync(ct))
                .ToLookup(p => p.ReferralId),
            (await db.Section47Enquiries.AsNoTracking().Where(e => EF.Parameter(referralIds).Contains(e.ReferralId))
                .Select(e => new Section47Row(e.Id, e.ReferralId, e.StartedOn, e.InitialConferenceTargetOn, e.EndedOn, e.Outcome)).ToListAsync(ct))
                .ToLookup(e => e.ReferralId),
            (await db.ChildProtectionConferences.AsNoTracking().Where(c => EF.Parameter(referralIds).Contains(c.ReferralId))
                .Select(c => new { c.ReferralId, c.Kind, c.HeldAt, c.Section47EnquiryId, c.ChildPlanId, c.Category }).ToListAsync(ct))
                .Select(c => new ConferenceRow(c.ReferralId, c.Kind, TimeLimits.UkDay(c.HeldAt), c.Section47EnquiryId, c.ChildPlanId, c.Category))
                .ToLookup(c => c.ReferralId));
        var byPerson = referrals.ToLookup(r => r.PersonId);
        var children = ids.Where(people.ContainsKey).Select(id => CensusEpisodes.Child(year, people[id], byPerson[id], rows)).ToList();
        return (children, found.Count < PageSize ? null : ids[^1]);
    }
}
