using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK radios: <c>&lt;govuk-radios asp-for="Input.Decision" asp-items="Model.Decisions" label="What is your decision?" inline /&gt;</c>
/// </summary>
[HtmlTargetElement("govuk-radios", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkRadiosTagHelper : FormFieldTagHelperBase
{
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Puts the radios side by side (only for two short options, such as Yes and No).</summary>
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = ResolveField();
        var modifiers = FormGroupHtml.Classes(Inline ? "govuk-radios--inline" : null, Small ? "govuk-radios--small" : null);
        RenderFieldset(output, field, ChoicesHtml.Build("radios", "radio", field, Items, modifiers));
    }
}
