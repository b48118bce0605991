using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Supervision;
using Safeguard.Core.Timescales;
using Safeguard.Web.Pages.FrontDoor.Shared;
using Safeguard.Web.Pages.Shared;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Supervision.Shared;

/// <summary>The supervision form shared by case and personal supervision: when it was held, what was said, and the actions.</summary>
public sealed class SupervisionForm : IActionsForm
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
        var heldAt = HeldForms.ReadHeldAt(form.HeldOn, form.HeldTime, state, P + "HeldOn", P + "HeldTime", "the supervision");
        var actions = HeldForms.ReadActions(form.Actions, MaxActionRows, state, P)
            .Select(a => new SupervisionAction(a.What, a.DueOn, a.OwnerId)).ToList();
        return (heldAt, actions);
    }

    /// <summary>The service's refusals onto the form's fields, except where the form already said what is wrong.</summary>
    public static void AddErrors(SupervisionResult result, ModelStateDictionary state) => HeldForms.AddErrors(result.Errors, state, P, "HeldAt");

}
