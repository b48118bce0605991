using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK file upload (the plain input, which works without JavaScript):
/// <c>&lt;govuk-file-upload asp-for="File" accept=".pdf,.docx" /&gt;</c>. A browser never gets a chosen file back, so
/// after an error the worker chooses it again; the error message says why.
/// </summary>
[HtmlTargetElement("govuk-file-upload", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkFileUploadTagHelper : FormFieldTagHelperBase
{
    /// <summary>The file types the browser's chooser offers first (a hint to it only: the server checks every file).</summary>
    [HtmlAttributeName("accept")]
    public string? Accept { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = ResolveField();
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
        input.AddCssClass(FormGroupHtml.Classes("govuk-file-upload", field.HasError ? "govuk-file-upload--error" : null));
        input.Attributes["id"] = field.Id;
        input.Attributes["name"] = field.Name;
        input.Attributes["type"] = "file";
        if (!string.IsNullOrEmpty(Accept)) input.Attributes["accept"] = Accept;
        RenderLabelled(output, field, input);
    }
}
