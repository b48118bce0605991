using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.Conferences;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Returns;

/// <summary>
/// Reads every child with a CIN episode (a referral) open at any point in a period, as the returns report them (the CIN
/// census, Ofsted's Annex A), a page of children at a time with one query per table for the page, so a large council's
/// children never sit in memory whole.
/// </summary>
internal sealed class CensusChildren(SafeguardDbContext db, int pageSize)
{
    /// <param name="historyFrom">Also read the days of each child's referrals, enquiries and initial conferences from this
    /// day to the period's end (<see cref="CensusChild.History"/>); null to leave them out.</param>
    public async IAsyncEnumerable<CensusChild> ReadAsync(ReturnPeriod period, DateOnly? historyFrom = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        Guid? after = null;
        while (true)
        {
            var (children, last) = await ReadPageAsync(period, historyFrom, after, ct);
            foreach (var child in children) yield return child;
            if (last is null) yield break;
            after = last;
        }
    }

    /// <summary>The people among <paramref name="ids"/> as the returns read them; a merged duplicate is left out.</summary>
    public static Task<Dictionary<Guid, PersonRow>> PeopleAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.People.AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.Id) && p.MergedIntoPersonId == null)
            .Select(p => new PersonRow(p.Id, p.LocalChildId, p.Upn, p.FormerUpn, p.UpnUnknownReason, p.DateOfBirth, p.ExpectedDateOfBirth,
                p.Sex, p.Ethnicity, p.Disabilities, p.DateOfDeath))
            .ToDictionaryAsync(p => p.Id, ct);

    /// <summary>
    /// A page of children and the id to read on from (null after the last page). The page's children are found from the
    /// period's referrals in the order of their person ids (an index), then every table is read for the page's ids passed as
    /// one array parameter: the same statement every page, each row found through an index.
    /// </summary>
    private async Task<(List<CensusChild> Children, Guid? Last)> ReadPageAsync(ReturnPeriod period, DateOnly? historyFrom, Guid? after,
        CancellationToken ct)
    {
        var start = period.Start;
        var end = period.ReferenceDate;
        var inPeriod = db.Referrals.AsNoTracking().Where(r => r.ReferralDate <= end && (r.ClosedOn == null || r.ClosedOn >= start));
        if (after is { } previous) inPeriod = inPeriod.Where(r => r.PersonId > previous);
        // Not DISTINCT in the query: SQLite would find every later referral before sorting. A child whose referrals a page
        // reads only in part is whole all the same: the tables below are read by child.
        var found = await inPeriod.OrderBy(r => r.PersonId).Select(r => r.PersonId).Take(pageSize).ToListAsync(ct);
        if (found.Count == 0) return ([], null);
        var ids = found.Distinct().ToList();

        var people = await PeopleAsync(db, ids, ct);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => EF.Parameter(ids).Contains(r.PersonId) && r.ReferralDate <= end && (r.ClosedOn == null || r.ClosedOn >= start))
            .Select(r => new ReferralRow(r.Id, r.PersonId, r.ReferralDate, r.SourceCode, r.PrimaryNeedCode, r.ClosedOn, r.ClosureReason,
                r.TeamId, r.AllocatedWorkerId))
            .ToListAsync(ct);
        var referralIds = referrals.Select(r => r.Id).ToList();
        var rows = new EpisodeRows(
            (await db.Assessments.AsNoTracking().Where(a => EF.Parameter(referralIds).Contains(a.ReferralId))
                .Select(a => new AssessmentRow(a.ReferralId, a.StartedOn, a.AuthorisedOn, a.Factors, a.ChildSeenOn, a.Outcome)).ToListAsync(ct))
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
        var history = historyFrom is { } from ? await HistoryAsync(ids, from, end, ct) : null;
        var children = ids.Where(people.ContainsKey)
            .Select(id => CensusEpisodes.Child(period, people[id], byPerson[id], rows) with { History = history?.GetValueOrDefault(id) })
            .ToList();
        return (children, found.Count < pageSize ? null : ids[^1]);
    }

    private async Task<Dictionary<Guid, ChildHistory>> HistoryAsync(List<Guid> ids, DateOnly from, DateOnly end, CancellationToken ct)
    {
        var referrals = (await db.Referrals.AsNoTracking()
            .Where(r => EF.Parameter(ids).Contains(r.PersonId) && r.ReferralDate >= from && r.ReferralDate <= end)
            .Select(r => new { r.PersonId, r.ReferralDate }).ToListAsync(ct)).ToLookup(r => r.PersonId, r => r.ReferralDate);
        var enquiries = (await db.Section47Enquiries.AsNoTracking()
            .Where(e => EF.Parameter(ids).Contains(e.PersonId) && e.StartedOn >= from && e.StartedOn <= end)
            .Select(e => new { e.PersonId, e.StartedOn }).ToListAsync(ct)).ToLookup(e => e.PersonId, e => e.StartedOn);
        var conferences = (await db.ChildProtectionConferences.AsNoTracking()
            .Where(c => EF.Parameter(ids).Contains(c.PersonId) && c.Kind == ConferenceKind.Initial)
            .Select(c => new { c.PersonId, c.HeldAt }).ToListAsync(ct))
            .Select(c => (c.PersonId, Day: TimeLimits.UkDay(c.HeldAt)))
            .Where(c => c.Day >= from && c.Day <= end)
            .ToLookup(c => c.PersonId, c => c.Day);
        var visits = await SeenVisitsAsync(ids, end, ct);
        var lookedAfter = (await db.LookedAfterPeriods.AsNoTracking()
            .Where(l => EF.Parameter(ids).Contains(l.PersonId) && l.StartedOn <= end)
            .Select(l => new { l.PersonId, l.StartedOn, l.EndedOn, l.LegalStatus }).ToListAsync(ct))
            .ToLookup(l => l.PersonId, l => new LookedAfterSpell(l.StartedOn, l.EndedOn <= end ? l.EndedOn : null, l.LegalStatus));
        return ids.ToDictionary(id => id, id => new ChildHistory(referrals[id].Order().ToList(), enquiries[id].Order().ToList(),
            conferences[id].Order().ToList())
        {
            Visits = visits[id].ToList(),
            LookedAfter = lookedAfter[id].OrderBy(l => l.StartedOn).ToList(),
        });
    }

    /// <summary>The visits in which each child was seen, up to the end of the period's last UK day, in the order they happened.</summary>
    private async Task<ILookup<Guid, SeenVisit>> SeenVisitsAsync(List<Guid> ids, DateOnly end, CancellationToken ct)
    {
        var until = TimeLimits.UkLocal(end.AddDays(1), TimeOnly.MinValue).ToUniversalTime();
        var visits = await db.CaseNotes.AsNoTracking()
            .Where(n => EF.Parameter(ids).Contains(n.PersonId) && n.OccurredAt < until && n.Kind == CaseNoteKind.Visit && n.ChildSeen == true)
            .Select(n => new { n.PersonId, n.OccurredAt, n.ChildSeenAlone }).ToListAsync(ct);
        return visits.OrderBy(v => v.OccurredAt).ToLookup(v => v.PersonId, v => new SeenVisit(TimeLimits.UkDay(v.OccurredAt), v.ChildSeenAlone));
    }
}
