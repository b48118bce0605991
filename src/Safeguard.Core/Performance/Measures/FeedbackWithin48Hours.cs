using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Performance.Measures;

// Local standard: the referrer is told the outcome within 48 hours of the contact (TimeLimits.ReferrerFeedback)
/// <summary>Feedback to the referrer sent within 48 hours of the contact's receipt.</summary>
public sealed class FeedbackWithin48Hours(SafeguardDbContext db, TimeProvider time) : Measure
{
    public override string Slug => "feedback-in-time";
    public override string Title => "Feedback to referrers within 48 hours";
    public override MeasureKind Kind => MeasureKind.Rate;
    public override string Numerator => "Contacts whose referrer was sent the outcome within 48 hours of receipt (by the feedback due time stored on the contact).";
    public override string Denominator => "Contacts received in the week or month whose feedback was sent, or whose 48 hours have passed without it (counted as late).";
    public override string DatesUsed => "Received: when the contact arrived. Feedback sent: when the message to the referrer was sent.";
    public override string PerTeam => "The team of the worker who recorded the screening decision (undecided contacts count only for the whole service).";
    public override string StartHeading => "Received";
    public override string EndHeading => "Feedback sent";
    public override string NotMetWords => "Late";

    public override async Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var rows = await FrontDoorFacts.Rows(db, FrontDoorFacts.Contacts(db, period, teamId)
            .Where(c => c.FeedbackSentAt != null || c.FeedbackDueAt <= now)).ToListAsync(ct);
        return rows.Select(c => new MeasureFact(null, c.Id, TimeLimits.UkDay(c.ReceivedAt), c.ReceivedAt, c.FeedbackSentAt,
            c.FeedbackSentAt is { } sent && sent <= c.FeedbackDueAt, TeamId: c.TeamId)).ToList();
    }
}
