using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK button: <c>&lt;govuk-button prevent-double-click&gt;Save and continue&lt;/govuk-button&gt;</c>,
/// <c>&lt;govuk-button variant="secondary" name="action" value="draft"&gt;Save as draft&lt;/govuk-button&gt;</c>,
/// <c>&lt;govuk-button variant="warning"&gt;Close case&lt;/govuk-button&gt;</c>, or a link that looks like a button with
/// <c>href="..."</c>. Other attributes (name, value, disabled, formaction) pass through.
/// </summary>
[HtmlTargetElement("govuk-button")]
public sealed class GovUkButtonTagHelper : TagHelper
{
    /// <summary>secondary, warning, inverse or start; omit for the primary (green) button.</summary>
    [HtmlAttributeName("variant")]
    public string? Variant { get; set; }

    [HtmlAttributeName("type")]
    public string Type { get; set; } = "submit";

    /// <summary>Renders an &lt;a role="button"&gt; instead of a &lt;button&gt;.</summary>
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    /// <summary>With JavaScript on, ignores a second click within a second so a form is not posted twice.</summary>
    [HtmlAttributeName("prevent-double-click")]
    public bool PreventDoubleClick { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var variantClass = string.IsNullOrEmpty(Variant) ? null : $"govuk-button--{Variant}";
        if (Href is not null)
        {
            output.BecomeElement("a", "govuk-button", variantClass);
            output.Attributes.SetAttribute("href", Href);
            output.Attributes.SetAttribute("role", "button");
            output.Attributes.SetAttribute("draggable", "false");
        }
        else
        {
            output.BecomeElement("button", "govuk-button", variantClass);
            output.Attributes.SetAttribute("type", Type);
            if (output.Attributes.ContainsName("disabled"))
            {
                output.Attributes.SetAttribute("aria-disabled", "true");
            }
        }

        output.Attributes.SetAttribute("data-module", "govuk-button");
        if (PreventDoubleClick)
        {
            output.Attributes.SetAttribute("data-prevent-double-click", "true");
        }
    }
}
