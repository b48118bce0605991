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
    public const int DefaultPageSize = 500;

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
            var page = await ReadPageAsync(year, after, ct);
            foreach (var (_, child) in page) yield return child;
            if (page.Count < PageSize) yield break;
            after = page[^1].PersonId;
        }
    }

    /// <summary>The census as an XML document in memory: for tests and small councils.</summary>
    public async Task<(CinCensusSummary Summary, byte[] Xml)> BuildAsync(CensusYear year, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var summary = await WriteAsync(year, buffer, null, ct);
        return (summary, buffer.ToArray());
    }

    private async Task<List<(Guid PersonId, CensusChild Child)>> ReadPageAsync(CensusYear year, Guid? after, CancellationToken ct)
    {
        var start = year.Start;
        var end = year.ReferenceDate;
        var people = db.People.AsNoTracking()
            .Where(p => p.MergedIntoPersonId == null
                && db.Referrals.Any(r => r.PersonId == p.Id && r.ReferralDate <= end && (r.ClosedOn == null || r.ClosedOn >= start)));
        if (after is { } last) people = people.Where(p => p.Id > last);
        var personRows = await people.OrderBy(p => p.Id).Take(PageSize)
            .Select(p => new PersonRow(p.Id, p.LocalChildId, p.Upn, p.FormerUpn, p.UpnUnknownReason, p.DateOfBirth, p.ExpectedDateOfBirth,
                p.Sex, p.Ethnicity, p.Disabilities, p.DateOfDeath))
            .ToListAsync(ct);
        if (personRows.Count == 0) return [];

        var personIds = personRows.Select(p => p.Id).ToList();
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => personIds.Contains(r.PersonId) && r.ReferralDate <= end && (r.ClosedOn == null || r.ClosedOn >= start))
            .Select(r => new ReferralRow(r.Id, r.PersonId, r.ReferralDate, r.SourceCode, r.PrimaryNeedCode, r.ClosedOn, r.ClosureReason))
            .ToListAsync(ct);
        var referralIds = referrals.Select(r => r.Id).ToList();
        var rows = new EpisodeRows(
            (await db.Assessments.AsNoTracking().Where(a => referralIds.Contains(a.ReferralId))
                .Select(a => new AssessmentRow(a.ReferralId, a.StartedOn, a.AuthorisedOn, a.Factors)).ToListAsync(ct))
                .ToLookup(a => a.ReferralId),
            (await db.ChildPlans.AsNoTracking().Where(p => referralIds.Contains(p.ReferralId))
                .Select(p => new PlanRow(p.Id, p.ReferralId, p.Kind, p.StartedOn, p.EndedOn, p.InitialCategory, p.Category, p.Number)).ToListAsync(ct))
                .ToLookup(p => p.ReferralId),
            (await db.Section47Enquiries.AsNoTracking().Where(e => referralIds.Contains(e.ReferralId))
                .Select(e => new Section47Row(e.Id, e.ReferralId, e.StartedOn, e.InitialConferenceTargetOn, e.EndedOn, e.Outcome)).ToListAsync(ct))
                .ToLookup(e => e.ReferralId),
            (await db.ChildProtectionConferences.AsNoTracking().Where(c => referralIds.Contains(c.ReferralId))
                .Select(c => new { c.ReferralId, c.Kind, c.HeldAt, c.Section47EnquiryId, c.ChildPlanId, c.Category }).ToListAsync(ct))
                .Select(c => new ConferenceRow(c.ReferralId, c.Kind, TimeLimits.UkDay(c.HeldAt), c.Section47EnquiryId, c.ChildPlanId, c.Category))
                .ToLookup(c => c.ReferralId));
        var byPerson = referrals.ToLookup(r => r.PersonId);
        return personRows.Select(p => (p.Id, CensusEpisodes.Child(year, p, byPerson[p.Id], rows))).ToList();
    }
}
