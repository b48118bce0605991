using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// What a form field needs from the model and ModelState: its full name, its id, what to show in it (what the user
/// typed if this is a re-rendered POST, otherwise the model value) and its error messages.
/// </summary>
public sealed record FieldState(string Name, string Id, IReadOnlyList<string> Values, IReadOnlyList<string> Errors)
{
    public string? Value => Values.Count > 0 ? Values[0] : null;

    public bool HasError => Errors.Count > 0;

    public string? ErrorMessage => HasError ? Errors[0] : null;

    public static FieldState Resolve(ViewContext viewContext, ModelExpression expression, string? idOverride = null)
    {
        var name = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        viewContext.ModelState.TryGetValue(name, out var entry);
        var values = entry is { RawValue: not null } ? Strings(entry.RawValue) : Strings(expression.Model);
        return new FieldState(name, idOverride ?? FieldIds.FromName(name), values, ErrorsOf(entry));
    }

    /// <summary>The attempted value for a key when the form was posted, else null.</summary>
    public static string? AttemptedValue(ViewContext viewContext, string key) =>
        viewContext.ModelState.TryGetValue(key, out var entry) ? entry.AttemptedValue : null;

    public static IReadOnlyList<string> ErrorsFor(ViewContext viewContext, string key) =>
        viewContext.ModelState.TryGetValue(key, out var entry) ? ErrorsOf(entry) : [];

    internal static IReadOnlyList<string> ErrorsOf(ModelStateEntry? entry) =>
        entry is null
            ? []
            : entry.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "Enter a valid value" : e.ErrorMessage).ToList();

    private static IReadOnlyList<string> Strings(object? value) => value switch
    {
        null => [],
        string s => [s],
        IEnumerable many => many.Cast<object?>().Select(Format).OfType<string>().ToList(),
        _ => Format(value) is { } single ? [single] : [],
    };

    private static string? Format(object? value) => Convert.ToString(value, CultureInfo.CurrentCulture);
}
