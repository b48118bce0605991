using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Conferences;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Returns;

/// <summary>
/// Reads every child with a CIN episode (a referral) open at any point in a period, as the returns report them (the CIN
/// census, Ofsted's Annex A), a page of children at a time with one query per table for the page, so a large council's
/// children never sit in memory whole: only their ids do (16 bytes a child), found in one statement at the start.
/// </summary>
internal sealed class CensusChildren(SafeguardDbContext db, int pageSize)
{
    /// <param name="historyFrom">Also read the days of each child's referrals, enquiries and initial conferences from this
    /// day to the period's end, their visits and their periods looked after (<see cref="CensusChild.History"/>); null to
    /// leave them out.</param>
    public async IAsyncEnumerable<CensusChild> ReadAsync(ReturnPeriod period, DateOnly? historyFrom = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        // In the database's order of ids: each page is a range of them, read through the tables' person indexes.
        var ids = await InPeriod(period).Select(r => r.PersonId).Distinct().OrderBy(id => id).ToListAsync(ct);
        for (var at = 0; at < ids.Count; at += pageSize)
        {
            var page = ids.GetRange(at, Math.Min(pageSize, ids.Count - at));
            foreach (var child in await ReadPageAsync(period, historyFrom, page, ct)) yield return child;
        }
    }

    /// <summary>The people among <paramref name="ids"/> as the returns read them; a merged duplicate is left out.</summary>
    public static Task<Dictionary<Guid, PersonRow>> PeopleAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.People.AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.Id) && p.MergedIntoPersonId == null)
            .Select(p => new PersonRow(p.Id, p.LocalChildId, p.Upn, p.FormerUpn, p.UpnUnknownReason, p.DateOfBirth, p.ExpectedDateOfBirth,
                p.Sex, p.Ethnicity, p.Disabilities, p.DateOfDeath))
            .ToDictionaryAsync(p => p.Id, ct);

    /// <summary>The referrals open at any point in the period: the census's CIN episodes.</summary>
    private IQueryable<Referral> InPeriod(ReturnPeriod period)
    {
        var start = period.Start;
        var end = period.ReferenceDate;
        return db.Referrals.AsNoTracking().Where(r => r.ReferralDate <= end && (r.ClosedOn == null || r.ClosedOn >= start));
    }

    /// <summary>
    /// A page of children: <paramref name="ids"/>, a run of the period's children in the database's order of ids. Every
    /// table is read for the run's range of ids (the first to the last), each through its index on the child's id, and the
    /// tables of a referral's work joined to the page's referrals: the same statements every page. (An array of the page's
    /// ids would do, but PostgreSQL plans a scan of the whole table for an array of two thousand.)
    /// </summary>
    private async Task<List<CensusChild>> ReadPageAsync(ReturnPeriod period, DateOnly? historyFrom, List<Guid> ids, CancellationToken ct)
    {
        var first = ids[0];
        var last = ids[^1];
        var people = await PeopleAsync(db, ids, ct);
        var pageReferrals = InPeriod(period).Where(r => r.PersonId >= first && r.PersonId <= last);
        var referrals = await pageReferrals
            .Select(r => new ReferralRow(r.Id, r.PersonId, r.ReferralDate, r.SourceCode, r.PrimaryNeedCode, r.ClosedOn, r.ClosureReason,
                r.TeamId, r.AllocatedWorkerId))
            .ToListAsync(ct);
        var rows = new EpisodeRows(
            (await (from a in db.Assessments.AsNoTracking()
                    join r in pageReferrals on a.ReferralId equals r.Id
                    select new AssessmentRow(a.ReferralId, a.StartedOn, a.AuthorisedOn, a.Factors, a.ChildSeenOn, a.Outcome)).ToListAsync(ct))
                .ToLookup(a => a.ReferralId),
            (await (from p in db.ChildPlans.AsNoTracking()
                    join r in pageReferrals on p.ReferralId equals r.Id
                    select new PlanRow(p.Id, p.ReferralId, p.Kind, p.StartedOn, p.EndedOn, p.InitialCategory, p.Category, p.Number)).ToListAsync(ct))
                .ToLookup(p => p.ReferralId),
            (await (from e in db.Section47Enquiries.AsNoTracking()
                    join r in pageReferrals on e.ReferralId equals r.Id
                    select new Section47Row(e.Id, e.ReferralId, e.StartedOn, e.InitialConferenceTargetOn, e.EndedOn, e.Outcome)).ToListAsync(ct))
                .ToLookup(e => e.ReferralId),
            (await (from c in db.ChildProtectionConferences.AsNoTracking()
                    join r in pageReferrals on c.ReferralId equals r.Id
                    select new { c.ReferralId, c.Kind, c.HeldAt, c.Section47EnquiryId, c.ChildPlanId, c.Category }).ToListAsync(ct))
                .Select(c => new ConferenceRow(c.ReferralId, c.Kind, TimeLimits.UkDay(c.HeldAt), c.Section47EnquiryId, c.ChildPlanId, c.Category))
                .ToLookup(c => c.ReferralId));
        var byPerson = referrals.ToLookup(r => r.PersonId);
        var history = historyFrom is { } from ? await HistoryAsync(first, last, from, period.ReferenceDate, ct) : null;
        return ids.Where(people.ContainsKey)
            .Select(id => CensusEpisodes.Child(period, people[id], byPerson[id], rows) with { History = history?.Of(id) })
            .ToList();
    }

    /// <summary>The history of the children from <paramref name="first"/> to <paramref name="last"/> (ids in the database's order).</summary>
    private async Task<PageHistory> HistoryAsync(Guid first, Guid last, DateOnly from, DateOnly end, CancellationToken ct)
    {
        var since = TimeLimits.UkLocal(from, TimeOnly.MinValue).ToUniversalTime();
        var until = TimeLimits.UkLocal(end.AddDays(1), TimeOnly.MinValue).ToUniversalTime();
        var referrals = (await db.Referrals.AsNoTracking()
            .Where(r => r.PersonId >= first && r.PersonId <= last && r.ReferralDate >= from && r.ReferralDate <= end)
            .Select(r => new { r.PersonId, r.ReferralDate }).ToListAsync(ct)).ToLookup(r => r.PersonId, r => r.ReferralDate);
        var enquiries = (await db.Section47Enquiries.AsNoTracking()
            .Where(e => e.PersonId >= first && e.PersonId <= last && e.StartedOn >= from && e.StartedOn <= end)
            .Select(e => new { e.PersonId, e.StartedOn }).ToListAsync(ct)).ToLookup(e => e.PersonId, e => e.StartedOn);
        var conferences = (await db.ChildProtectionConferences.AsNoTracking()
            .Where(c => c.PersonId >= first && c.PersonId <= last && c.Kind == ConferenceKind.Initial && c.HeldAt >= since && c.HeldAt < until)
            .Select(c => new { c.PersonId, c.HeldAt }).ToListAsync(ct))
            .ToLookup(c => c.PersonId, c => TimeLimits.UkDay(c.HeldAt));
        var visits = (await db.CaseNotes.AsNoTracking()
            .Where(n => n.PersonId >= first && n.PersonId <= last && n.OccurredAt < until && n.Kind == CaseNoteKind.Visit && n.ChildSeen == true)
            .Select(n => new { n.PersonId, n.OccurredAt, n.ChildSeenAlone }).ToListAsync(ct))
            .OrderBy(v => v.OccurredAt)
            .ToLookup(v => v.PersonId, v => new SeenVisit(TimeLimits.UkDay(v.OccurredAt), v.ChildSeenAlone));
        var lookedAfter = (await db.LookedAfterPeriods.AsNoTracking()
            .Where(l => l.PersonId >= first && l.PersonId <= last && l.StartedOn <= end)
            .Select(l => new { l.PersonId, l.StartedOn, l.EndedOn, l.LegalStatus }).ToListAsync(ct))
            .OrderBy(l => l.StartedOn)
            .ToLookup(l => l.PersonId, l => new LookedAfterSpell(l.StartedOn, l.EndedOn <= end ? l.EndedOn : null, l.LegalStatus));
        return new PageHistory(referrals, enquiries, conferences, visits, lookedAfter);
    }

    private sealed record PageHistory(ILookup<Guid, DateOnly> Referrals, ILookup<Guid, DateOnly> Section47s, ILookup<Guid, DateOnly> InitialConferences,
        ILookup<Guid, SeenVisit> Visits, ILookup<Guid, LookedAfterSpell> LookedAfter)
    {
        public ChildHistory Of(Guid id) => new(Referrals[id].Order().ToList(), Section47s[id].Order().ToList(), InitialConferences[id].Order().ToList())
        {
            Visits = Visits[id].ToList(),
            LookedAfter = LookedAfter[id].ToList(),
        };
    }
}
