using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Chronology.Patterns;

/// <summary>
/// Reads the facts the pattern rules need about one child, from their record and any records merged into it: contacts
/// (an injury seen, or a concern of the child going missing, counts as an incident), the injuries and missing episodes
/// workers added to the chronology, referrals and plans.
/// </summary>
internal sealed class PatternFactsReader(SafeguardDbContext db)
{
    public const string MissingCategory = "missing";

    public async Task<PatternFacts?> ReadAsync(Guid personId, CancellationToken ct)
    {
        var born = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.DateOfBirth }).SingleOrDefaultAsync(ct);
        if (born is null) return null;
        var records = await db.WithMergedAsync(personId, ct);

        var contactRows = await (from cc in db.ContactChildren.AsNoTracking()
                                 join c in db.Contacts.AsNoTracking() on cc.ContactId equals c.Id
                                 where records.Contains(cc.PersonId)
                                 select new { c.Id, c.Reference, c.ReceivedAt, c.InjurySeen, c.Categories, c.Outcome })
            .Distinct().ToListAsync(ct);
        var referred = await db.Referrals.AsNoTracking()
            .Where(r => records.Contains(r.PersonId) && r.ContactId != null)
            .Select(r => r.ContactId!.Value).ToListAsync(ct);
        var contacts = contactRows
            .Select(c => new ContactFact(c.Id, c.Reference, TimeLimits.UkDay(c.ReceivedAt), c.ReceivedAt,
                referred.Contains(c.Id) || c.Outcome is ScreeningOutcome.ReferralToSocialCare or ScreeningOutcome.StrategyDiscussion))
            .ToList();

        var incidents = new List<IncidentFact>();
        foreach (var c in contactRows)
        {
            var where = $"reported in contact {c.Reference}";
            if (c.InjurySeen) incidents.Add(new IncidentFact($"contact:{c.Id:N}", IncidentKind.Injury, TimeLimits.UkDay(c.ReceivedAt), c.ReceivedAt, where));
            if (ConcernCategories.Split(c.Categories).Contains(MissingCategory))
            {
                incidents.Add(new IncidentFact($"contact:{c.Id:N}", IncidentKind.MissingEpisode, TimeLimits.UkDay(c.ReceivedAt), c.ReceivedAt, where));
            }
        }
        incidents.AddRange(await AddedIncidentsAsync(records, ct));

        var referrals = (await db.Referrals.AsNoTracking().Where(r => records.Contains(r.PersonId))
                .Select(r => new { r.Id, r.ReferralDate, r.ClosedOn }).ToListAsync(ct))
            .Select(r => new ReferralFact(r.Id, r.ReferralDate, TimeLimits.UkLocal(r.ReferralDate, TimeOnly.MinValue), r.ClosedOn))
            .ToList();
        var plans = (await db.ChildPlans.AsNoTracking().Where(p => records.Contains(p.PersonId))
                .Select(p => new { p.Kind, p.StartedOn, p.EndedOn }).ToListAsync(ct))
            .Select(p => new PlanFact(p.Kind == PlanKind.ChildProtection, p.StartedOn, p.EndedOn))
            .ToList();
        return new PatternFacts(born.DateOfBirth, contacts, incidents, referrals, plans);
    }

    private async Task<IEnumerable<IncidentFact>> AddedIncidentsAsync(IReadOnlyCollection<Guid> records, CancellationToken ct)
    {
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.PersonId != null && records.Contains(e.PersonId.Value) && e.Type == SignificantEventAdded.Name)
            .Select(e => new { e.Id, e.Data, e.OccurredAt, e.ActorName })
            .ToListAsync(ct);
        return rows
            .Select(r => (r.Id, r.OccurredAt, r.ActorName, Added: EventCatalogue.Read(SignificantEventAdded.Name, r.Data) as SignificantEventAdded))
            .Where(r => r.Added?.Kind is AddedEventKind.Injury or AddedEventKind.MissingEpisode)
            .Select(r => new IncidentFact($"event:{r.Id}", r.Added!.Kind == AddedEventKind.Injury ? IncidentKind.Injury : IncidentKind.MissingEpisode,
                TimeLimits.UkDay(r.Added.HappenedAt), r.OccurredAt, $"reported by {r.Added.Source}, added by {r.ActorName}"));
    }
}
