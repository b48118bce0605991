using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK summary list:
/// <code>
/// &lt;govuk-summary-list&gt;
///   &lt;govuk-summary-list-row key="Date of birth" change-href="@Url.Page("DateOfBirth")" change-label="date of birth"&gt;27 March 2019&lt;/govuk-summary-list-row&gt;
/// &lt;/govuk-summary-list&gt;
/// </code>
/// </summary>
[HtmlTargetElement("govuk-summary-list")]
[RestrictChildren("govuk-summary-list-row")]
public sealed class GovUkSummaryListTagHelper : TagHelper
{
    [HtmlAttributeName("no-border")]
    public bool NoBorder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.BecomeElement("dl", "govuk-summary-list", NoBorder ? "govuk-summary-list--no-border" : null);
}

/// <summary>One row: key, the value (child content) and an optional "Change" link.</summary>
[HtmlTargetElement("govuk-summary-list-row", ParentTag = "govuk-summary-list")]
public sealed class GovUkSummaryListRowTagHelper : TagHelper
{
    [HtmlAttributeName("key")]
    public string Key { get; set; } = string.Empty;

    [HtmlAttributeName("change-href")]
    public string? ChangeHref { get; set; }

    /// <summary>Link text; defaults to "Change".</summary>
    [HtmlAttributeName("change-text")]
    public string ChangeText { get; set; } = "Change";

    /// <summary>Visually hidden end of the link text, e.g. "date of birth"; defaults to the key in lower case.</summary>
    [HtmlAttributeName("change-label")]
    public string? ChangeLabel { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var value = await output.GetChildContentAsync();
        output.BecomeElement("div", "govuk-summary-list__row", ChangeHref is null ? "govuk-summary-list__row--no-actions" : null);

        var key = new TagBuilder("dt");
        key.AddCssClass("govuk-summary-list__key");
        key.InnerHtml.Append(Key);

        var valueCell = new TagBuilder("dd");
        valueCell.AddCssClass("govuk-summary-list__value");
        valueCell.InnerHtml.AppendHtml(value);

        output.Content.SetHtmlContent(key);
        output.Content.AppendHtml(valueCell);

        if (ChangeHref is not null)
        {
            var link = new TagBuilder("a");
            link.AddCssClass("govuk-link");
            link.Attributes["href"] = ChangeHref;
            link.InnerHtml.Append(ChangeText)
                .AppendHtml(FormGroupHtml.VisuallyHidden(" " + (ChangeLabel ?? Key.ToLowerInvariant())));
            var actions = new TagBuilder("dd");
            actions.AddCssClass("govuk-summary-list__actions");
            actions.InnerHtml.AppendHtml(link);
            output.Content.AppendHtml(actions);
        }
    }
}
