using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Safeguard.Web.TagHelpers;

/// <summary>The items of GOV.UK radios or checkboxes; the first item takes the field's id so error links land on it.</summary>
internal static class ChoicesHtml
{
    /// <param name="block">"radios" or "checkboxes".</param>
    public static IHtmlContent Build(string block, string inputType, FieldState field, IEnumerable<SelectListItem> items, string? modifiers)
    {
        var container = new TagBuilder("div");
        container.AddCssClass(FormGroupHtml.Classes($"govuk-{block}", modifiers));
        container.Attributes["data-module"] = $"govuk-{block}";

        var index = 0;
        foreach (var item in items)
        {
            index++;
            var itemId = index == 1 ? field.Id : $"{field.Id}-{index}";
            container.InnerHtml.AppendHtml(Item(block, inputType, field, item, itemId));
        }

        return container;
    }

    private static TagBuilder Item(string block, string inputType, FieldState field, SelectListItem item, string itemId)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
        input.AddCssClass($"govuk-{block}__input");
        input.Attributes["id"] = itemId;
        input.Attributes["name"] = field.Name;
        input.Attributes["type"] = inputType;
        input.Attributes["value"] = item.Value;
        if (ChoiceSelection.IsSelected(field, item))
        {
            input.Attributes["checked"] = "checked";
        }

        if (item.Disabled)
        {
            input.Attributes["disabled"] = "disabled";
        }

        var label = new TagBuilder("label");
        label.AddCssClass($"govuk-label govuk-{block}__label");
        label.Attributes["for"] = itemId;
        label.InnerHtml.Append(item.Text);

        var wrapper = new TagBuilder("div");
        wrapper.AddCssClass($"govuk-{block}__item");
        wrapper.InnerHtml.AppendHtml(input).AppendHtml(label);
        return wrapper;
    }
}
