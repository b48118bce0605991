using Safeguard.Core.FrontDoor;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Web.Pages.FrontDoor.Decide;

/// <summary>What to tell a person whose change lost to someone else's, in plain words.</summary>
public static class ChangedElsewhereText
{
    public static string Describe(ContactChangedElsewhere c, DateTimeOffset now) => c switch
    {
        { Status: ContactStatus.Decided, Outcome: { } outcome } =>
            $"This contact was decided by {c.DecidedBy ?? "someone else"}{At(c.DecidedAt, now)}: {Capitalise(OutcomeText.Of(outcome))}" +
            (c.ConfirmedBy is { } manager && manager != c.DecidedBy ? $", confirmed by {manager}" : ""),
        { Status: ContactStatus.AwaitingManagerConfirmation, Outcome: { } outcome } =>
            $"This contact was decided by {c.DecidedBy ?? "someone else"}{At(c.DecidedAt, now)}: {Capitalise(OutcomeText.Of(outcome))}. " +
            "It is waiting for a manager to confirm",
        _ => "Someone else changed this contact while you were working on it. " +
             (c.ReturnedAt is { } returned ? $"It was returned by {c.ReturnedBy ?? "a manager"}{At(returned, now)} to be decided again. " : "") +
             $"Its priority is now {PriorityWords(c.Priority)}. Check the contact and try again",
    };

    private static string At(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } instant) return "";
        var local = TimeZoneInfo.ConvertTime(instant, WorkingDayCalendar.UkTime);
        var today = TimeZoneInfo.ConvertTime(now, WorkingDayCalendar.UkTime).Date;
        return local.Date == today ? $" at {local:HH:mm}" : $" at {local:HH:mm} on {local:d MMMM yyyy}";
    }

    private static string PriorityWords(Priority priority) => priority switch
    {
        Priority.ChildProtection => "child protection",
        Priority.Urgent => "urgent",
        _ => "standard",
    };

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
