using Safeguard.Core.Timescales;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// Which contacts count on which days, written once for everything that counts them: the flow watch's daily counts and
/// the dashboard's measures (docs/measures.md). A contact counts on the UK day it was received, by every channel.
/// </summary>
public static class ContactCounting
{
    public static IQueryable<Contact> ReceivedOn(this IQueryable<Contact> contacts, UkDays days)
    {
        var start = days.Start;
        var end = days.End;
        return contacts.Where(c => c.ReceivedAt >= start && c.ReceivedAt < end);
    }

    /// <summary>Contacts whose screening decision was recorded on the days.</summary>
    public static IQueryable<Contact> DecidedOn(this IQueryable<Contact> contacts, UkDays days)
    {
        var start = days.Start;
        var end = days.End;
        return contacts.Where(c => c.DecidedAt >= start && c.DecidedAt < end);
    }
}
