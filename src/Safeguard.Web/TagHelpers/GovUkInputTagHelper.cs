using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK text input: <c>&lt;govuk-input asp-for="Input.FamilyName" label="Family name" width="20" autocomplete="family-name" /&gt;</c>
/// </summary>
[HtmlTargetElement("govuk-input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : FormFieldTagHelperBase
{
    /// <summary>Input type: text (default), email, tel, password, search, url, number.</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    /// <summary>2, 3, 4, 5, 10, 20 or 30 characters (govuk-input--width-N), or full, three-quarters, two-thirds,
    /// one-half, one-third, one-quarter (govuk-!-width-...).</summary>
    [HtmlAttributeName("width")]
    public string? Width { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <summary>For example numeric, for numbers that are not quantities (NHS number, reference).</summary>
    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = ResolveField();
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
        input.AddCssClass(FormGroupHtml.Classes("govuk-input", WidthClass(Width), field.HasError ? "govuk-input--error" : null));
        input.Attributes["id"] = field.Id;
        input.Attributes["name"] = field.Name;
        input.Attributes["type"] = Type;
        // A password is never sent back to the browser.
        if (field.Value is { } value && !string.Equals(Type, "password", StringComparison.OrdinalIgnoreCase))
        {
            input.Attributes["value"] = value;
        }

        SetIfPresent(input, "autocomplete", Autocomplete);
        SetIfPresent(input, "inputmode", InputMode);
        RenderLabelled(output, field, input);
    }

    internal static string? WidthClass(string? width) => width switch
    {
        null or "" => null,
        "full" or "three-quarters" or "two-thirds" or "one-half" or "one-third" or "one-quarter" => $"govuk-!-width-{width}",
        _ => $"govuk-input--width-{width}",
    };

    private static void SetIfPresent(TagBuilder tag, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            tag.Attributes[name] = value;
        }
    }
}
