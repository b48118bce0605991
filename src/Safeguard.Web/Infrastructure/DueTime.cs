using Safeguard.Core.Text;

namespace Safeguard.Web.Infrastructure;

/// <summary>Plain-English time left or how late, for trays: "due in 3 hours", "2 days late".</summary>
public static class DueTime
{
    public static string Describe(DateTimeOffset due, DateTimeOffset now)
    {
        var gap = due - now;
        var late = gap < TimeSpan.Zero;
        var span = late ? -gap : gap;
        var amount = span.TotalHours < 1 ? Plural.Count((int)Math.Max(1, span.TotalMinutes), "minute")
            : span.TotalHours < 48 ? Plural.Count((int)span.TotalHours, "hour")
            : Plural.Count((int)span.TotalDays, "day");
        return late ? $"{amount} late" : $"due in {amount}";
    }

    public static bool IsOverdue(DateTimeOffset due, DateTimeOffset now) => due < now;


    public static string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Core.Timescales.WorkingDayCalendar.UkTime).ToString("d MMM yyyy, HH:mm");
}
