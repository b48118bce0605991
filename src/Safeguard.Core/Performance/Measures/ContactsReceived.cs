using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Performance.Measures;

/// <summary>Contacts received at the front door, per point.</summary>
public sealed class ContactsReceived(SafeguardDbContext db) : Measure
{
    public override string Slug => "contacts";
    public override string Title => "Contacts received";
    public override MeasureKind Kind => MeasureKind.Count;
    public override string Numerator => "Contacts received in the week or month (every channel: front door, partner page, partner API).";
    public override string Denominator => "None: a count.";
    public override string DatesUsed => "The date and time the contact was received, in UK time.";
    public override string PerTeam => "The team of the worker who recorded the screening decision; contacts not yet decided count only for the whole service.";
    public override string StartHeading => "Received";
    public override string EndHeading => "Decided";
    public override string MetWords => "Decided";
    public override string NotMetWords => "Not decided yet";

    public override async Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default)
    {
        var rows = await FrontDoorFacts.Rows(db, FrontDoorFacts.Contacts(db, period, teamId)).ToListAsync(ct);
        return rows.Select(c => new MeasureFact(null, c.Id, TimeLimits.UkDay(c.ReceivedAt), c.ReceivedAt, c.DecidedAt, c.DecidedAt is not null,
            TeamId: c.TeamId)).ToList();
    }
}
