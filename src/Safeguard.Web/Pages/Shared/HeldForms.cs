using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Timescales;
using Safeguard.Web.Pages.FrontDoor.Shared;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Shared;

/// <summary>One action agreed at a meeting, as typed: what, by when, and who (strings, so nothing typed is lost).</summary>
public sealed class ActionRow
{
    [Display(Name = "What is to be done")]
    public string? What { get; set; }

    [Display(Name = "Due by", Description = "For example, 27 3 2027")]
    public GovUkDate DueOn { get; set; } = new();

    [Display(Name = "Who will do it")]
    public string? OwnerId { get; set; }
}

/// <summary>A meeting's form with agreed actions (supervision, a strategy discussion), for _Actions.cshtml.</summary>
public interface IActionsForm
{
    List<ActionRow> Actions { get; }
}

/// <summary>A page with such a form (named <c>Form</c>) and who actions can be given to.</summary>
public interface IActionsFormPage
{
    IActionsForm Form { get; }

    IReadOnlyList<SelectListItem> OwnerItems { get; }
}

/// <summary>An action row as read: null where nothing could be read (the service then says what is missing).</summary>
public sealed record ReadAction(string? What, DateOnly? DueOn, Guid? OwnerId);

/// <summary>Reading a meeting's "when it was held" and its action rows, and putting the service's errors back on the fields.</summary>
public static class HeldForms
{
    /// <summary>
    /// The moment a meeting was held, from its date and time fields (UK local time). What cannot be read is left null with
    /// its reason on the field, so the form shows the most useful message for each.
    /// </summary>
    /// <param name="what">The meeting, as in "Enter the date the supervision was held".</param>
    public static DateTimeOffset? ReadHeldAt(GovUkDate on, string? time, ModelStateDictionary state, string dateKey, string timeKey, string what)
    {
        DateOnly? date = null;
        if (on.IsEmpty) state.AddModelError(dateKey, $"Enter the date {what} was held");
        else if (Missing(on) is { } part) state.AddModelError(dateKey, $"Date held must include a {part}");
        else if (!on.TryGetDate(out var d)) state.AddModelError(dateKey, "Date held must be a real date");
        else date = d;

        TimeOnly? at = null;
        if (string.IsNullOrWhiteSpace(time)) state.AddModelError(timeKey, $"Enter the time {what} started");
        else if (ReceivedFields.ParseTime(time) is not { } t) state.AddModelError(timeKey, "Enter the time as hours and minutes, like 09:30 or 14:15");
        else at = t;

        if (date is not { } day || at is not { } clock) return null;
        var zone = WorkingDayCalendar.UkTime;
        var local = day.ToDateTime(clock);
        if (zone.IsInvalidTime(local))
        {
            state.AddModelError(timeKey, "That time did not happen in the UK: the clocks went forward. Enter a real time");
            return null;
        }
        return new DateTimeOffset(local, zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local));
    }

    /// <summary>Up to <paramref name="max"/> action rows; a date that cannot be read still begins its row, so the service asks for it.</summary>
    public static IReadOnlyList<ReadAction> ReadActions(IReadOnlyList<ActionRow> rows, int max, ModelStateDictionary state, string prefix)
    {
        var actions = new List<ReadAction>();
        for (var i = 0; i < Math.Min(rows.Count, max); i++)
        {
            var row = rows[i];
            DateOnly? due = null;
            if (!row.DueOn.IsEmpty)
            {
                if (Missing(row.DueOn) is { } part) state.AddModelError($"{prefix}Actions[{i}].DueOn", $"The day action {i + 1} is due by must include a {part}");
                else if (row.DueOn.TryGetDate(out var dueOn)) due = dueOn;
                else state.AddModelError($"{prefix}Actions[{i}].DueOn", $"The day action {i + 1} is due by must be a real date");
            }
            var begun = string.IsNullOrWhiteSpace(row.What) && due is null && !row.DueOn.IsEmpty ? "?" : row.What;
            actions.Add(new ReadAction(begun, due, Guid.TryParse(row.OwnerId, out var owner) ? owner : null));
        }
        return actions;
    }

    /// <summary>
    /// The service's refusals onto the form's fields (prefixed), except where the form already said what is wrong. An
    /// error about when it was held goes on the date, unless the date or time already has one.
    /// </summary>
    public static void AddErrors(IEnumerable<(string Field, string Message)> errors, ModelStateDictionary state, string prefix, string heldAtField)
    {
        foreach (var (field, message) in errors)
        {
            if (field == heldAtField)
            {
                if (HasError(state, prefix + "HeldOn") || HasError(state, prefix + "HeldTime")) continue;
                state.AddModelError(prefix + "HeldOn", message);
                continue;
            }
            var key = field.Length == 0 ? "" : prefix + field;
            if (!HasError(state, key)) state.AddModelError(key, message);
        }
    }

    /// <summary>
    /// A choice posted as an enum's name: null when nothing was chosen; a value not on the list (or a number) is an error
    /// under <paramref name="key"/>, and null.
    /// </summary>
    public static T? ReadEnum<T>(string? posted, ModelStateDictionary state, string key, string message) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(posted)) return null;
        if (Enum.TryParse<T>(posted, out var value) && Enum.IsDefined(value) && !int.TryParse(posted, out _)) return value;
        state.AddModelError(key, message);
        return null;
    }

    private static string? Missing(GovUkDate date) => date.MissingParts() is [var first, ..] ? first.ToString().ToLowerInvariant() : null;

    private static bool HasError(ModelStateDictionary state, string key) => state[key]?.Errors.Count > 0;
}
