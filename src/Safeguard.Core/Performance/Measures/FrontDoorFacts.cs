using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.Performance.Measures;

/// <summary>The contacts of a period for the front-door measures, filtered to a team by who recorded the decision.</summary>
internal static class FrontDoorFacts
{
    public static IQueryable<Contact> Contacts(SafeguardDbContext db, PerformancePeriod period, Guid? teamId)
    {
        var contacts = db.Contacts.AsQueryable().ReceivedOn(period.UkDays());
        return teamId is { } team
            ? contacts.Where(c => db.Users.Any(u => u.Id == c.DecidedByUserId && u.TeamId == team))
            : contacts;
    }

    /// <summary>The team a contact counts for: that of the worker who recorded its decision (null while undecided).</summary>
    public static IQueryable<ContactFact> Rows(SafeguardDbContext db, IQueryable<Contact> contacts) =>
        contacts.Select(c => new ContactFact
        {
            Id = c.Id, ReceivedAt = c.ReceivedAt, DecidedAt = c.DecidedAt, FeedbackSentAt = c.FeedbackSentAt, FeedbackDueAt = c.FeedbackDueAt,
            TeamId = db.Users.Where(u => u.Id == c.DecidedByUserId).Select(u => u.TeamId).FirstOrDefault(),
        });
}

internal sealed class ContactFact
{
    public Guid Id { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public DateTimeOffset? FeedbackSentAt { get; init; }
    public DateTimeOffset FeedbackDueAt { get; init; }
    public Guid? TeamId { get; init; }
}
