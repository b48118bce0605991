using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK confirmation panel: <c>&lt;govuk-panel title="Referral recorded"&gt;Reference&lt;br&gt;&lt;strong&gt;R-1042&lt;/strong&gt;&lt;/govuk-panel&gt;</c>
/// </summary>
[HtmlTargetElement("govuk-panel")]
public sealed class GovUkPanelTagHelper : TagHelper
{
    [HtmlAttributeName("title")]
    public string Title { get; set; } = string.Empty;

    [HtmlAttributeName("heading-level")]
    public int HeadingLevel { get; set; } = 1;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var body = await output.GetChildContentAsync();
        output.BecomeElement("div", "govuk-panel", "govuk-panel--confirmation");

        var title = new TagBuilder($"h{HeadingLevel}");
        title.AddCssClass("govuk-panel__title");
        title.InnerHtml.Append(Title);
        output.Content.SetHtmlContent(title);

        if (!body.IsEmptyOrWhiteSpace)
        {
            var bodyDiv = new TagBuilder("div");
            bodyDiv.AddCssClass("govuk-panel__body");
            bodyDiv.InnerHtml.AppendHtml(body);
            output.Content.AppendHtml(bodyDiv);
        }
    }
}
