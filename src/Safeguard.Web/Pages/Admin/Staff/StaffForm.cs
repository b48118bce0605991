using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Workforce;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Admin.Staff;

/// <summary>What the staff record pages share: reading typed dates, and the choices on their forms.</summary>
public static class StaffForm
{
    /// <summary>The typed date, or null when it is empty; a part missing or a date that does not exist is an error on <paramref name="field"/>.</summary>
    public static DateOnly? Date(ModelStateDictionary state, string field, string label, GovUkDate typed, bool required = false)
    {
        if (typed.IsEmpty)
        {
            if (required) state.AddModelError(field, $"Enter the {label.ToLowerInvariant()}");
            return null;
        }
        if (typed.TryGetDate(out var date)) return date;
        var missing = typed.MissingParts();
        state.AddModelError(field, missing.Count > 0
            ? $"{label} must include a {missing[0].ToString().ToLowerInvariant()}"
            : $"{label} must be a real date");
        return null;
    }

    public static void AddErrors(ModelStateDictionary state, IEnumerable<(string Field, string Message)> errors)
    {
        foreach (var (field, message) in errors)
        {
            // A field the page already found wrong (a date that is not a date) keeps its own, first, error.
            if (state.TryGetValue(field, out var entry) && entry.Errors.Count > 0) continue;
            state.AddModelError(field, message);
        }
    }

    public static readonly IReadOnlyList<SelectListItem> YesNo = [new("Yes", "yes"), new("No", "no")];

    public static readonly IReadOnlyList<SelectListItem> Employments =
    [
        .. Enum.GetValues<EmploymentKind>().Select(k => new SelectListItem(k.Words(), k.ToString())),
        new("Neither: holds no cases", "None"),
    ];

    public static readonly IReadOnlyList<SelectListItem> TrainingKinds =
        [new("Choose the training", ""), .. Enum.GetValues<TrainingKind>().Select(k => new SelectListItem(k.Words(), k.ToString()))];

    public static readonly IReadOnlyList<SelectListItem> AbsenceKinds =
        Enum.GetValues<AbsenceKind>().Select(k => new SelectListItem(k.Words(), k.ToString())).ToList();

    public static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var kind) && Enum.IsDefined(kind) ? kind : null;

    public static string Day(DateOnly? day) => day is { } d ? d.ToString("d MMMM yyyy") : "";
}
