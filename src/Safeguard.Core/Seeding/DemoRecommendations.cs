using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Recommendations;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.Seeding;

/// <summary>
/// Three recommendations in the demo tracker, added by the service manager through the service: one on track, one overdue
/// (its due date has passed, so the overdue sweep alerts its owner and the head of service), and one completed with evidence.
/// </summary>
internal static class DemoRecommendations
{
    public static async Task SeedAsync(SafeguardDbContext db, IWorkingDayCalendar calendar, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, ct);
        var helen = accounts["helen.price@northbridge.example"];
        var omar = accounts["omar.farouk@northbridge.example"];
        var jo = accounts["jo.bennett@northbridge.example"];
        var today = TimeLimits.UkDay(db.Time.GetUtcNow());
        var service = new Recommendations.Recommendations(db, new WorkItems(db, new WorkClocks(calendar)), calendar);
        db.ActingAs = new Security.Actor(helen.Id, helen.DisplayName);
        try
        {
            var onTrack = await AddAsync(service, new RecommendationInput(RecommendationSource.ChildSafeguardingPracticeReview, "CSPR Child T",
                today.AddMonths(-4), "Strategy discussions include health and education whenever a child may be at risk of significant harm.",
                helen.Id, today.AddDays(21)), ct);
            await service.AddActionAsync(onTrack, 1, new ActionInput("Brief every team on the strategy discussion guidance", helen.Id, today.AddDays(7)), ct);
            await service.ChangeStatusAsync(onTrack, 2, RecommendationStatus.OnTrack, ct);

            var overdue = await AddAsync(service, new RecommendationInput(RecommendationSource.OfstedInspection, "ILACS inspection",
                today.AddMonths(-6), "Managers' oversight and supervision are recorded on every child's file.", omar.Id, today.AddDays(-10)), ct);
            await service.AddActionAsync(overdue, 1, new ActionInput("Audit twenty children's files for recorded oversight", null, null), ct);
            await service.ChangeStatusAsync(overdue, 2, RecommendationStatus.AtRisk, ct);

            var completed = await AddAsync(service, new RecommendationInput(RecommendationSource.Audit, "Front door thresholds audit",
                today.AddMonths(-2), "Screening decisions record the reason for the decision and the threshold applied.", jo.Id, today.AddDays(5)), ct);
            await service.AddActionAsync(completed, 1, new ActionInput("Add the threshold to the screening decision form", jo.Id, null), ct);
            var action = await db.RecommendationActions.Where(a => a.RecommendationId == completed).Select(a => a.Id).SingleAsync(ct);
            await service.AddEvidenceAsync(completed, 2, new EvidenceInput(action, "Re-audit of fifty decisions: every one gives its reason and threshold",
                "/oversight/backlog"), helen.Id, ct);
            await service.ChangeStatusAsync(completed, 3, RecommendationStatus.Completed, ct);
        }
        finally
        {
            db.ActingAs = null;
        }
    }

    private static async Task<Guid> AddAsync(Recommendations.Recommendations service, RecommendationInput input, CancellationToken ct)
    {
        var result = await service.AddAsync(input, ct);
        return result.Outcome == RecommendationOutcome.Saved
            ? result.Id!.Value
            : throw new InvalidOperationException($"Demo recommendation refused: {string.Join("; ", result.Errors.Select(e => e.Message))}");
    }
}
