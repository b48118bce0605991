using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK select: <c>&lt;govuk-select asp-for="Input.TeamId" asp-items="Model.Teams" label="Team" /&gt;</c>
/// </summary>
[HtmlTargetElement("govuk-select", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkSelectTagHelper : FormFieldTagHelperBase
{
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = ResolveField();
        var select = new TagBuilder("select");
        select.AddCssClass(FormGroupHtml.Classes("govuk-select", field.HasError ? "govuk-select--error" : null));
        select.Attributes["id"] = field.Id;
        select.Attributes["name"] = field.Name;

        foreach (var item in Items)
        {
            var option = new TagBuilder("option");
            option.Attributes["value"] = item.Value;
            if (ChoiceSelection.IsSelected(field, item))
            {
                option.Attributes["selected"] = "selected";
            }

            if (item.Disabled)
            {
                option.Attributes["disabled"] = "disabled";
            }

            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }

        RenderLabelled(output, field, select);
    }
}
