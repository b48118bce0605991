using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK checkboxes, bound to a collection property:
/// <c>&lt;govuk-checkboxes asp-for="Input.Concerns" asp-items="Model.ConcernTypes" label="What are the concerns?" hint="Select all that apply." /&gt;</c>
/// </summary>
[HtmlTargetElement("govuk-checkboxes", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkCheckboxesTagHelper : FormFieldTagHelperBase
{
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = ResolveField();
        RenderFieldset(output, field, ChoicesHtml.Build("checkboxes", "checkbox", field, Items, Small ? "govuk-checkboxes--small" : null));
    }
}
