using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Infrastructure;

/// <summary>What forms that hand their fields to a Core service share: reading a typed date, and showing the service's problems.</summary>
public static class TypedFields
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

    /// <summary>
    /// One end of a period typed in a filter ("From", "To"): <paramref name="whenEmpty"/> when nothing was typed; a part
    /// missing or a date that does not exist is an error on its day field.
    /// </summary>
    public static DateOnly? PeriodEnd(ModelStateDictionary state, GovUkDate date, string field, DateOnly whenEmpty)
    {
        if (date.IsEmpty) return whenEmpty;
        if (date.TryGetDate(out var value)) return value;
        var missing = date.MissingParts();
        state.AddModelError($"{field}.Day", missing.Count is 1 or 2
            ? $"The '{field.ToLowerInvariant()}' date must include a {string.Join(" and ", missing.Select(p => p.ToString().ToLowerInvariant()))}"
            : $"The '{field.ToLowerInvariant()}' date must be a real date");
        return null;
    }

    /// <summary>The service's problems on their fields, except where the page already said what is wrong with a field.</summary>
    public static void AddErrors(ModelStateDictionary state, IEnumerable<(string Field, string Message)> errors)
    {
        foreach (var (field, message) in errors)
        {
            // A field the page already found wrong (a date that is not a date) keeps its own, first, error.
            if (state.TryGetValue(field, out var entry) && entry.Errors.Count > 0) continue;
            state.AddModelError(field, message);
        }
    }
}
