using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.Performance.Measures;

/// <summary>The contacts of a period for the front-door measures, filtered to a team by who recorded the decision.</summary>
internal static class FrontDoorFacts
{
    public static IQueryable<Contact> Contacts(SafeguardDbContext db, PerformancePeriod period, Guid? teamId)
    {
        var start = period.Start();
        var end = period.End();
        var contacts = db.Contacts.AsQueryable().Where(c => c.ReceivedAt >= start && c.ReceivedAt < end);
        return teamId is { } team
            ? contacts.Where(c => db.Users.Any(u => u.Id == c.DecidedByUserId && u.TeamId == team))
            : contacts;
    }
}
