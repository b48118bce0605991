using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Timescales;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.FrontDoor.Shared;

/// <summary>
/// "How did the contact come in?" and "When was it received?" on the front door's contact form: the method, and the
/// UK local date and time it reached the council, which start its clocks.
/// </summary>
public static partial class ReceivedFields
{
    /// <summary>Older than this is almost certainly a mistyped date (a late find is recorded with the day it is found).</summary>
    public const int MaxDaysAgo = 30;

    public static readonly IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Methods =
        ContactMethods.RecordedByHand.Select(m => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(ContactMethods.Label(m), m.ToString())).ToList();

    /// <summary>The form's defaults: received now, UK local time, to the minute.</summary>
    public static void DefaultToNow(ContactForm form, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, WorkingDayCalendar.UkTime);
        form.ReceivedOn = GovUkDate.From(DateOnly.FromDateTime(local.DateTime));
        form.ReceivedTime = local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Checks the two questions; the method and the instant received, or nulls with errors added.</summary>
    public static (ContactMethod? Method, DateTimeOffset? ReceivedAt) Validate(ContactForm form, ModelStateDictionary state, DateTimeOffset now)
    {
        const string p = "Form.";
        ContactMethod? method = Enum.TryParse<ContactMethod>(form.Method, out var m) && ContactMethods.RecordedByHand.Contains(m) ? m : null;
        if (method is null) state.AddModelError(p + nameof(ContactForm.Method), "Select how the contact came in");

        DateOnly? date = null;
        if (form.ReceivedOn.IsEmpty) state.AddModelError(p + "ReceivedOn.Day", "Enter the date the contact was received");
        else if (!form.ReceivedOn.TryGetDate(out var d)) state.AddModelError(p + "ReceivedOn.Day", "Date received must be a real date");
        else date = d;

        TimeOnly? time = null;
        if (string.IsNullOrWhiteSpace(form.ReceivedTime)) state.AddModelError(p + nameof(ContactForm.ReceivedTime), "Enter the time the contact was received");
        else if (ParseTime(form.ReceivedTime) is not { } t)
            state.AddModelError(p + nameof(ContactForm.ReceivedTime), "Enter the time received as hours and minutes, like 09:14 or 14:30");
        else time = t;

        if (date is null || time is null) return (method, null);
        var zone = WorkingDayCalendar.UkTime;
        var local = date.Value.ToDateTime(time.Value);
        if (zone.IsInvalidTime(local))
        {
            state.AddModelError(p + nameof(ContactForm.ReceivedTime), "That time did not happen in the UK: the clocks went forward. Enter a real time");
            return (method, null);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        var received = new DateTimeOffset(local, offset);
        // To the minute: the minute now is not "in the future".
        if (received > now.AddSeconds(59 - now.Second).AddMilliseconds(-now.Millisecond))
        {
            state.AddModelError(p + nameof(ContactForm.ReceivedTime), "The time received must be now or in the past");
            return (method, null);
        }
        if (received < now.AddDays(-MaxDaysAgo))
        {
            state.AddModelError(p + "ReceivedOn.Day", $"Date received must be within the last {MaxDaysAgo} days");
            return (method, null);
        }
        return (method, received > now ? now : received);
    }

    /// <summary>"9:14", "09:14", "09.14", "0914", "2:30pm", "2pm", "14:30"; ASCII digits only (other scripts' digits are refused, not parsed).</summary>
    public static TimeOnly? ParseTime(string text)
    {
        var match = TimePattern().Match(text.Trim().ToLowerInvariant());
        if (!match.Success) return null;
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var half = match.Groups["ampm"].Value;
        if (half.Length > 0)
        {
            if (hour is < 1 or > 12) return null;
            hour = half == "am" ? hour % 12 : hour % 12 + 12;
        }
        else if (!match.Groups["m"].Success)
        {
            return null; // "14" alone is too easy to misread
        }
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    [GeneratedRegex(@"^(?<h>[0-9]{1,2})(?:[:.]?(?<m>[0-9]{2}))?\s*(?<ampm>am|pm)?$")]
    private static partial Regex TimePattern();

    /// <summary>"2 December 2026 at 9:14, by phone" (UK local time).</summary>
    public static string Describe(DateTimeOffset receivedAt, ContactMethod? method)
    {
        var local = TimeZoneInfo.ConvertTime(receivedAt, WorkingDayCalendar.UkTime);
        var text = local.ToString("d MMMM yyyy 'at' H:mm", CultureInfo.InvariantCulture);
        return method is { } how ? $"{text}, {ContactMethods.How(how)}" : text;
    }
}
