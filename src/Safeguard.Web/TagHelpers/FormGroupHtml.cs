using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// The markup every GOV.UK form field shares: the form group, label or fieldset legend, hint, error message and the
/// aria-describedby wiring between them. Field tag helpers build only their control and hand it here.
/// </summary>
public static class FormGroupHtml
{
    /// <summary>Ids of the hint and error message, in that order, for aria-describedby; null when there are none.</summary>
    public static string? DescribedBy(string fieldId, bool hasHint, bool hasError)
    {
        var ids = new List<string>(2);
        if (hasHint)
        {
            ids.Add(FieldIds.HintId(fieldId));
        }

        if (hasError)
        {
            ids.Add(FieldIds.ErrorId(fieldId));
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public static IHtmlContent Label(string forId, string text, string? size, bool isPageHeading, string? extraClass = null)
    {
        var label = new TagBuilder("label");
        label.AddCssClass(Classes("govuk-label", SizeClass("govuk-label", size), extraClass));
        label.Attributes["for"] = forId;
        label.InnerHtml.Append(text);
        return isPageHeading ? Wrap("h1", "govuk-label-wrapper", label) : label;
    }

    public static IHtmlContent? Hint(string fieldId, string? text, string? extraClass = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var hint = new TagBuilder("div");
        hint.Attributes["id"] = FieldIds.HintId(fieldId);
        hint.AddCssClass(Classes("govuk-hint", extraClass));
        hint.InnerHtml.Append(text);
        return hint;
    }

    public static IHtmlContent? ErrorMessage(string fieldId, string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        var error = new TagBuilder("p");
        error.Attributes["id"] = FieldIds.ErrorId(fieldId);
        error.AddCssClass("govuk-error-message");
        error.InnerHtml.AppendHtml(VisuallyHidden("Error:")).Append(" " + message);
        return error;
    }

    public static TagBuilder Fieldset(string legend, string? size, bool isPageHeading, string? describedBy, string? role, params IHtmlContent?[] children)
    {
        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        if (role is not null)
        {
            fieldset.Attributes["role"] = role;
        }

        if (describedBy is not null)
        {
            fieldset.Attributes["aria-describedby"] = describedBy;
        }

        var legendTag = new TagBuilder("legend");
        legendTag.AddCssClass(Classes("govuk-fieldset__legend", SizeClass("govuk-fieldset__legend", size)));
        if (isPageHeading)
        {
            var heading = new TagBuilder("h1");
            heading.AddCssClass("govuk-fieldset__heading");
            heading.InnerHtml.Append(legend);
            legendTag.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legendTag.InnerHtml.Append(legend);
        }

        fieldset.InnerHtml.AppendHtml(legendTag);
        AppendAll(fieldset, children);
        return fieldset;
    }

    /// <summary>Turns the tag helper's element into <c>div.govuk-form-group</c> holding the given children.</summary>
    public static void WriteFormGroup(TagHelperOutput output, bool hasError, string? extraClass, params IHtmlContent?[] children)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var existingClass = output.Attributes.TryGetAttribute("class", out var attribute) ? attribute.Value?.ToString() : null;
        output.Attributes.SetAttribute("class", Classes("govuk-form-group", hasError ? "govuk-form-group--error" : null, extraClass, existingClass));
        output.Content.Clear();
        foreach (var child in children)
        {
            if (child is not null)
            {
                output.Content.AppendHtml(child);
            }
        }
    }

    /// <summary>
    /// Moves attributes the tag helper did not bind (data-*, spellcheck, disabled, extra classes...) from the custom
    /// element onto the real control, so <c>&lt;govuk-input asp-for="X" spellcheck="false"&gt;</c> reaches the input.
    /// </summary>
    public static void MoveUnboundAttributes(TagHelperOutput output, TagBuilder control)
    {
        foreach (var attribute in output.Attributes.ToList())
        {
            var value = attribute.Value?.ToString() ?? string.Empty;
            if (attribute.Name == "class")
            {
                control.AddCssClass(value);
            }
            else
            {
                control.MergeAttribute(attribute.Name, value, replaceExisting: false);
            }

            output.Attributes.Remove(attribute);
        }
    }

    public static IHtmlContent VisuallyHidden(string text)
    {
        var span = new TagBuilder("span");
        span.AddCssClass("govuk-visually-hidden");
        span.InnerHtml.Append(text);
        return span;
    }

    /// <summary>Joins non-empty class names with single spaces.</summary>
    public static string Classes(params string?[] classes) =>
        string.Join(' ', classes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()));

    private static string? SizeClass(string block, string? size) =>
        string.IsNullOrEmpty(size) ? null : $"{block}--{size}";

    private static TagBuilder Wrap(string tagName, string cssClass, IHtmlContent inner)
    {
        var wrapper = new TagBuilder(tagName);
        wrapper.AddCssClass(cssClass);
        wrapper.InnerHtml.AppendHtml(inner);
        return wrapper;
    }

    private static void AppendAll(TagBuilder parent, IEnumerable<IHtmlContent?> children)
    {
        foreach (var child in children)
        {
            if (child is not null)
            {
                parent.InnerHtml.AppendHtml(child);
            }
        }
    }
}
