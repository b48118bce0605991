using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Children;

/// <summary>What the household forms (a move, the end of a relationship) share: reading a typed day, and showing the service's problems.</summary>
public static class HouseholdForm
{
    /// <summary>The typed day, or null when it is empty (the service asks for it) or cannot be read (the problem is on <paramref name="field"/>).</summary>
    public static DateOnly? Day(ModelStateDictionary state, string field, string label, GovUkDate typed)
    {
        if (typed.IsEmpty) return null;
        if (typed.TryGetDate(out var day)) return day;
        state.AddModelError(field, typed.MissingParts() is [var part, ..]
            ? $"{label} must include a {part.ToString().ToLowerInvariant()}"
            : $"{label} must be a real date");
        return null;
    }

    /// <summary>The service's problems on their fields, except where the page already said what is wrong with a field.</summary>
    public static void AddErrors(ModelStateDictionary state, IEnumerable<(string Field, string Message)> errors)
    {
        foreach (var (field, message) in errors)
        {
            if (state.TryGetValue(field, out var entry) && entry.Errors.Count > 0) continue;
            state.AddModelError(field, message);
        }
    }
}
