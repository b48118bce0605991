using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Supervision;
using Safeguard.Core.Timescales;
using Safeguard.Web.Pages.FrontDoor.Shared;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Supervision.Shared;

/// <summary>One action agreed in supervision, as typed: what, by when, and who (strings, so nothing typed is lost).</summary>
public sealed class ActionRow
{
    [Display(Name = "What is to be done")]
    public string? What { get; set; }

    [Display(Name = "Due by", Description = "For example, 27 3 2027")]
    public GovUkDate DueOn { get; set; } = new();

    [Display(Name = "Who will do it")]
    public string? OwnerId { get; set; }
}

/// <summary>The supervision form shared by case and personal supervision: when it was held, what was said, and the actions.</summary>
public sealed class SupervisionForm
{
    [Display(Name = "Date the supervision was held", Description = "For example, 27 3 2027")]
    public GovUkDate HeldOn { get; set; } = new();

    [Display(Name = "Time it started", Description = "For example, 09:30 or 14:15")]
    public string? HeldTime { get; set; }

    [Display(Name = "Reflection", Description = "What the worker and supervisor made of the case: the child's lived experience, what is working, what is not.")]
    public string? Reflection { get; set; }

    [Display(Name = "Analysis of risk", Description = "The risks to the child now, what reduces them, and what has changed since the last supervision.")]
    public string? RiskAnalysis { get; set; }

    [Display(Name = "Decisions", Description = "What was decided about the case. Kept on the child's record.")]
    public string? Decisions { get; set; }

    [Display(Name = "Wellbeing", Description = "How the worker is, and any support they need.")]
    public string? Wellbeing { get; set; }

    [Display(Name = "Caseload", Description = "Their cases, how manageable the load is, anything to change.")]
    public string? Caseload { get; set; }

    [Display(Name = "Training and development")]
    public string? Training { get; set; }

    public List<ActionRow> Actions { get; set; } = [];
}

/// <summary>Reading the form into the supervision service's input, and its errors back onto the form's fields.</summary>
public static class SupervisionFormRules
{
    /// <summary>Action rows shown without JavaScript (and the most accepted).</summary>
    public const int ActionRows = 3;
    public const int MaxActionRows = 10;
    private const string P = "Form.";

    /// <summary>Held now (UK local time, to the minute); three empty action rows for the worker.</summary>
    public static void Defaults(SupervisionForm form, DateTimeOffset now, Guid workerId)
    {
        var local = TimeZoneInfo.ConvertTime(now, WorkingDayCalendar.UkTime);
        form.HeldOn = GovUkDate.From(DateOnly.FromDateTime(local.DateTime));
        form.HeldTime = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        form.Actions = [];
        PadRows(form, workerId);
    }

    public static void PadRows(SupervisionForm form, Guid workerId)
    {
        if (form.Actions.Count > MaxActionRows) form.Actions = form.Actions.Take(MaxActionRows).ToList();
        while (form.Actions.Count < ActionRows) form.Actions.Add(new ActionRow { OwnerId = workerId.ToString() });
    }

    public static IReadOnlyList<SelectListItem> Owners(IReadOnlyList<ActionOwner> owners) =>
        owners.Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();

    /// <summary>
    /// When it was held, and the action rows. What cannot be read is left null (which the service refuses) with the
    /// reason added here, so the form always shows the most useful message for each field.
    /// </summary>
    public static (DateTimeOffset? HeldAt, IReadOnlyList<SupervisionAction> Actions) Read(SupervisionForm form, ModelStateDictionary state)
    {
        DateOnly? date = null;
        if (form.HeldOn.IsEmpty) state.AddModelError(P + "HeldOn", "Enter the date the supervision was held");
        else if (Missing(form.HeldOn) is { } part) state.AddModelError(P + "HeldOn", $"Date held must include a {part}");
        else if (!form.HeldOn.TryGetDate(out var d)) state.AddModelError(P + "HeldOn", "Date held must be a real date");
        else date = d;

        TimeOnly? time = null;
        if (string.IsNullOrWhiteSpace(form.HeldTime)) state.AddModelError(P + "HeldTime", "Enter the time the supervision started");
        else if (ReceivedFields.ParseTime(form.HeldTime) is not { } t)
            state.AddModelError(P + "HeldTime", "Enter the time as hours and minutes, like 09:30 or 14:15");
        else time = t;

        DateTimeOffset? heldAt = null;
        if (date is { } day && time is { } at)
        {
            var zone = WorkingDayCalendar.UkTime;
            var local = day.ToDateTime(at);
            if (zone.IsInvalidTime(local)) state.AddModelError(P + "HeldTime", "That time did not happen in the UK: the clocks went forward. Enter a real time");
            else heldAt = new DateTimeOffset(local, zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local));
        }

        var actions = new List<SupervisionAction>();
        for (var i = 0; i < Math.Min(form.Actions.Count, MaxActionRows); i++)
        {
            var row = form.Actions[i];
            DateOnly? due = null;
            if (!row.DueOn.IsEmpty)
            {
                if (Missing(row.DueOn) is { } part) state.AddModelError($"{P}Actions[{i}].DueOn", $"The day action {i + 1} is due by must include a {part}");
                else if (row.DueOn.TryGetDate(out var dueOn)) due = dueOn;
                else state.AddModelError($"{P}Actions[{i}].DueOn", $"The day action {i + 1} is due by must be a real date");
            }
            // A date that cannot be read still begins the row, so the service asks for it rather than dropping the row.
            var begun = string.IsNullOrWhiteSpace(row.What) && due is null && !row.DueOn.IsEmpty ? "?" : row.What;
            actions.Add(new SupervisionAction(begun, due, Guid.TryParse(row.OwnerId, out var owner) ? owner : null));
        }
        return (heldAt, actions);
    }

    /// <summary>The service's refusals onto the form's fields, except where the form already said what is wrong.</summary>
    public static void AddErrors(SupervisionResult result, ModelStateDictionary state)
    {
        foreach (var (field, message) in result.Errors)
        {
            if (field == "HeldAt")
            {
                if (HasError(state, P + "HeldOn") || HasError(state, P + "HeldTime")) continue;
                state.AddModelError(P + "HeldOn", message);
                continue;
            }
            var key = field.Length == 0 ? "" : P + field;
            if (!HasError(state, key)) state.AddModelError(key, message);
        }
    }

    private static string? Missing(GovUkDate date) => date.MissingParts() is [var first, ..] ? first.ToString().ToLowerInvariant() : null;

    private static bool HasError(ModelStateDictionary state, string key) => state[key]?.Errors.Count > 0;
}
