using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>GOV.UK back link: <c>&lt;govuk-back-link href="@Url.Page("Index")" /&gt;</c>, text defaults to "Back".</summary>
[HtmlTargetElement("govuk-back-link")]
public sealed class GovUkBackLinkTagHelper : TagHelper
{
    [HtmlAttributeName("href")]
    public string Href { get; set; } = "#";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        output.BecomeElement("a", "govuk-back-link");
        output.Attributes.SetAttribute("href", Href);
        if (content.IsEmptyOrWhiteSpace)
        {
            output.Content.SetContent("Back");
        }
    }
}

/// <summary>GOV.UK inset text: <c>&lt;govuk-inset-text&gt;The referral was received on a bank holiday.&lt;/govuk-inset-text&gt;</c></summary>
[HtmlTargetElement("govuk-inset-text")]
public sealed class GovUkInsetTextTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.BecomeElement("div", "govuk-inset-text");
}

/// <summary>GOV.UK warning text: <c>&lt;govuk-warning-text&gt;This child is subject to a child protection plan.&lt;/govuk-warning-text&gt;</c></summary>
[HtmlTargetElement("govuk-warning-text")]
public sealed class GovUkWarningTextTagHelper : TagHelper
{
    /// <summary>Read by screen readers before the text.</summary>
    [HtmlAttributeName("icon-fallback-text")]
    public string IconFallbackText { get; set; } = "Warning";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        output.BecomeElement("div", "govuk-warning-text");

        var icon = new TagBuilder("span");
        icon.AddCssClass("govuk-warning-text__icon");
        icon.Attributes["aria-hidden"] = "true";
        icon.InnerHtml.Append("!");

        var text = new TagBuilder("strong");
        text.AddCssClass("govuk-warning-text__text");
        text.InnerHtml.AppendHtml(FormGroupHtml.VisuallyHidden(IconFallbackText)).AppendHtml(" ").AppendHtml(content);

        output.Content.SetHtmlContent(icon);
        output.Content.AppendHtml(text);
    }
}

/// <summary>GOV.UK details: <c>&lt;govuk-details summary="What counts as a contact?"&gt;...&lt;/govuk-details&gt;</c>; add <c>open</c> to start expanded.</summary>
[HtmlTargetElement("govuk-details")]
public sealed class GovUkDetailsTagHelper : TagHelper
{
    [HtmlAttributeName("summary")]
    public string Summary { get; set; } = string.Empty;

    [HtmlAttributeName("open")]
    public bool Open { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        output.BecomeElement("details", "govuk-details");
        if (Open)
        {
            output.Attributes.SetAttribute("open", "open");
        }

        var summaryText = new TagBuilder("span");
        summaryText.AddCssClass("govuk-details__summary-text");
        summaryText.InnerHtml.Append(Summary);
        var summary = new TagBuilder("summary");
        summary.AddCssClass("govuk-details__summary");
        summary.InnerHtml.AppendHtml(summaryText);

        var text = new TagBuilder("div");
        text.AddCssClass("govuk-details__text");
        text.InnerHtml.AppendHtml(content);

        output.Content.SetHtmlContent(summary);
        output.Content.AppendHtml(text);
    }
}
