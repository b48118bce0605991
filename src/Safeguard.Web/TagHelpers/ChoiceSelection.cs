using Microsoft.AspNetCore.Mvc.Rendering;

namespace Safeguard.Web.TagHelpers;

/// <summary>Whether an option, radio or checkbox is chosen: what was posted or bound wins over item.Selected.</summary>
internal static class ChoiceSelection
{
    public static bool IsSelected(FieldState field, SelectListItem item) =>
        field.Values.Count > 0
            ? field.Values.Contains(item.Value, StringComparer.OrdinalIgnoreCase)
            : item.Selected;
}
