using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK notification banner:
/// <c>&lt;govuk-notification-banner heading="This child has a child protection plan." /&gt;</c> (Important) or
/// <c>&lt;govuk-notification-banner type="success" heading="Referral allocated to Sam Patel"&gt;&lt;p class="govuk-body"&gt;...&lt;/p&gt;&lt;/govuk-notification-banner&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-notification-banner")]
public sealed class GovUkNotificationBannerTagHelper : TagHelper
{
    /// <summary>Omit for "important"; "success" after the user has done something.</summary>
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    /// <summary>Defaults to "Important" or "Success".</summary>
    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    [HtmlAttributeName("heading")]
    public string? Heading { get; set; }

    [HtmlAttributeName("title-id")]
    public string TitleId { get; set; } = "govuk-notification-banner-title";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var isSuccess = Type == "success";
        var content = await output.GetChildContentAsync();

        output.BecomeElement("div", "govuk-notification-banner", isSuccess ? "govuk-notification-banner--success" : null);
        output.Attributes.SetAttribute("role", isSuccess ? "alert" : "region");
        output.Attributes.SetAttribute("aria-labelledby", TitleId);
        output.Attributes.SetAttribute("data-module", "govuk-notification-banner");

        var title = new TagBuilder("h2");
        title.AddCssClass("govuk-notification-banner__title");
        title.Attributes["id"] = TitleId;
        title.InnerHtml.Append(Title ?? (isSuccess ? "Success" : "Important"));
        var header = new TagBuilder("div");
        header.AddCssClass("govuk-notification-banner__header");
        header.InnerHtml.AppendHtml(title);

        var body = new TagBuilder("div");
        body.AddCssClass("govuk-notification-banner__content");
        if (!string.IsNullOrEmpty(Heading))
        {
            var heading = new TagBuilder("p");
            heading.AddCssClass("govuk-notification-banner__heading");
            heading.InnerHtml.Append(Heading);
            body.InnerHtml.AppendHtml(heading);
        }

        body.InnerHtml.AppendHtml(content);
        output.Content.SetHtmlContent(header);
        output.Content.AppendHtml(body);
    }
}
