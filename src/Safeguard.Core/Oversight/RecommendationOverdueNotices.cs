using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.Core.Recommendations;
using Safeguard.Core.Security;
using Safeguard.Core.Work;

namespace Safeguard.Core.Oversight;

/// <summary>
/// Tells a recommendation's owner and every active head of service that it has gone overdue, once: the overdue sweep
/// calls this only with the alerts it has just raised, and it raises one alert per recommendation ever (the alerts' unique
/// index), so no later run or restart sends it again. Best effort, as the managers' alert emails are: the alert is saved first.
/// </summary>
public sealed class RecommendationOverdueNotices(SafeguardDbContext db, INotifier notifier, ILogger logger)
{
    public async Task<int> SendAsync(IReadOnlyList<Alert> raised, CancellationToken ct)
    {
        var ids = raised.Where(a => a.Kind == AlertKind.RecommendationOverdue).Select(a => a.SubjectId).ToList();
        if (ids.Count == 0) return 0;
        var owners = await (from r in db.Recommendations.AsNoTracking()
                            join u in db.Users on r.OwnerUserId equals u.Id
                            where ids.Contains(r.Id)
                            select new { r.Id, u.Email, u.IsDisabled })
            .ToListAsync(ct);
        var heads = await (from u in db.Users.AsNoTracking()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join role in db.Roles on ur.RoleId equals role.Id
                           where role.Name == Roles.HeadOfService && !u.IsDisabled && u.Email != null
                           select u.Email!)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var alert in raised.Where(a => a.Kind == AlertKind.RecommendationOverdue))
        {
            var owner = owners.SingleOrDefault(o => o.Id == alert.SubjectId);
            var to = heads.Concat(owner is { IsDisabled: false, Email: { } email } ? [email] : Array.Empty<string>())
                .Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var address in to)
            {
                try
                {
                    await notifier.SendAsync(new EmailNotification(address, "Safeguard: a review recommendation is overdue",
                        $"{alert.Message}\n\nSee the recommendations tracker in Safeguard: /recommendations/{alert.SubjectId}", alert.Id.ToString()), ct);
                    sent++;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Overdue recommendation {RecommendationId} could not be emailed", alert.SubjectId);
                }
            }
        }
        return sent;
    }
}
