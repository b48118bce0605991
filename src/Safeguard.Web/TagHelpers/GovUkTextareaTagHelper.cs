using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK textarea: <c>&lt;govuk-textarea asp-for="Input.Reason" label="Why is this referral needed?" rows="8" /&gt;</c>
/// </summary>
[HtmlTargetElement("govuk-textarea", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkTextareaTagHelper : FormFieldTagHelperBase
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = ResolveField();
        var textarea = new TagBuilder("textarea");
        textarea.AddCssClass(FormGroupHtml.Classes("govuk-textarea", field.HasError ? "govuk-textarea--error" : null));
        textarea.Attributes["id"] = field.Id;
        textarea.Attributes["name"] = field.Name;
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // A newline after the start tag is dropped by browsers, so a value that starts with one survives the round trip.
        textarea.InnerHtml.AppendHtml(Environment.NewLine);
        textarea.InnerHtml.Append(field.Value ?? string.Empty);
        RenderLabelled(output, field, textarea);
    }
}
