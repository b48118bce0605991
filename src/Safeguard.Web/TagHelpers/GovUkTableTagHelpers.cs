using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK table. Write the table's shape with these elements and they become the real table elements with the GOV.UK
/// classes; header cells get scope="col" in the head and scope="row" in the body. The table sits in a container that
/// scrolls sideways on a narrow screen (see <see cref="TableScrollContainer"/>).
/// <code>
/// &lt;govuk-table caption="Open work" caption-size="m"&gt;
///   &lt;govuk-table-head&gt;&lt;govuk-table-row&gt;&lt;govuk-table-header&gt;Child&lt;/govuk-table-header&gt;&lt;govuk-table-header numeric&gt;Days open&lt;/govuk-table-header&gt;&lt;/govuk-table-row&gt;&lt;/govuk-table-head&gt;
///   &lt;govuk-table-body&gt;
///     &lt;govuk-table-row class="sg-overdue"&gt;&lt;govuk-table-cell&gt;Alex&lt;/govuk-table-cell&gt;&lt;govuk-table-cell numeric&gt;12&lt;/govuk-table-cell&gt;&lt;/govuk-table-row&gt;
///   &lt;/govuk-table-body&gt;
/// &lt;/govuk-table&gt;
/// </code>
/// </summary>
[HtmlTargetElement("govuk-table")]
public sealed class GovUkTableTagHelper : TagHelper
{
    [HtmlAttributeName("caption")]
    public string? Caption { get; set; }

    /// <summary>s, m, l or xl.</summary>
    [HtmlAttributeName("caption-size")]
    public string? CaptionSize { get; set; }

    /// <summary>Names the scrolling container for screen readers; defaults to the caption.</summary>
    [HtmlAttributeName(TableScrollContainer.LabelAttribute)]
    public string? RegionLabel { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var rows = await output.GetChildContentAsync();
        output.BecomeElement("table", "govuk-table");
        TableScrollContainer.Wrap(output, RegionLabel ?? Caption);
        output.Content.Clear();
        if (!string.IsNullOrEmpty(Caption))
        {
            var caption = new TagBuilder("caption");
            caption.AddCssClass(FormGroupHtml.Classes(
                "govuk-table__caption", CaptionSize is null ? null : $"govuk-table__caption--{CaptionSize}"));
            caption.InnerHtml.Append(Caption);
            output.Content.AppendHtml(caption);
        }

        output.Content.AppendHtml(rows);
    }
}

[HtmlTargetElement("govuk-table-head", ParentTag = "govuk-table")]
public sealed class GovUkTableHeadTagHelper : TagHelper
{
    internal const string SectionKey = "govuk-table-section";

    public override void Init(TagHelperContext context) => context.Items[SectionKey] = "head";

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.BecomeElement("thead", "govuk-table__head");
}

[HtmlTargetElement("govuk-table-body", ParentTag = "govuk-table")]
public sealed class GovUkTableBodyTagHelper : TagHelper
{
    public override void Init(TagHelperContext context) => context.Items[GovUkTableHeadTagHelper.SectionKey] = "body";

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.BecomeElement("tbody", "govuk-table__body");
}

[HtmlTargetElement("govuk-table-row")]
public sealed class GovUkTableRowTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.BecomeElement("tr", "govuk-table__row");
}

/// <summary>A header cell: scope="col" in govuk-table-head, scope="row" in govuk-table-body.</summary>
[HtmlTargetElement("govuk-table-header", ParentTag = "govuk-table-row")]
public sealed class GovUkTableHeaderTagHelper : TagHelper
{
    [HtmlAttributeName("numeric")]
    public bool Numeric { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var inBody = context.Items.TryGetValue(GovUkTableHeadTagHelper.SectionKey, out var section) && (string)section == "body";
        output.BecomeElement("th", "govuk-table__header", Numeric ? "govuk-table__header--numeric" : null);
        if (!output.Attributes.ContainsName("scope"))
        {
            output.Attributes.SetAttribute("scope", inBody ? "row" : "col");
        }
    }
}

[HtmlTargetElement("govuk-table-cell", ParentTag = "govuk-table-row")]
public sealed class GovUkTableCellTagHelper : TagHelper
{
    [HtmlAttributeName("numeric")]
    public bool Numeric { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.BecomeElement("td", "govuk-table__cell", Numeric ? "govuk-table__cell--numeric" : null);
}

/// <summary>
/// A hand-written <c>&lt;table class="govuk-table"&gt;</c> gets the same scrolling container as <c>govuk-table</c>.
/// </summary>
[HtmlTargetElement("table")]
public sealed class GovUkPlainTableTagHelper : TagHelper
{
    [HtmlAttributeName(TableScrollContainer.LabelAttribute)]
    public string? RegionLabel { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (TableScrollContainer.HasGovUkTableClass(output)) TableScrollContainer.Wrap(output, RegionLabel);
    }
}

/// <summary>
/// Wraps a GOV.UK table in <c>div.sg-table-container</c>, which scrolls sideways when the table is wider than the
/// screen (320 px), so the page itself never scrolls sideways. The container is a named, focusable region so that
/// keyboard users can scroll it and screen readers say what it holds.
/// </summary>
public static class TableScrollContainer
{
    public const string LabelAttribute = "region-label";

    /// <summary>
    /// With a label (give every table one: its caption, or region-label="..." saying what it lists) the container is a
    /// named region. Without one it is only focusable: several regions all called "table" would be noise.
    /// </summary>
    public static void Wrap(TagHelperOutput output, string? label)
    {
        var container = new TagBuilder("div");
        container.AddCssClass("sg-table-container");
        container.Attributes["tabindex"] = "0";
        if (!string.IsNullOrWhiteSpace(label))
        {
            container.Attributes["role"] = "region";
            container.Attributes["aria-label"] = label;
        }
        container.TagRenderMode = TagRenderMode.StartTag;
        output.PreElement.AppendHtml(container);
        output.PostElement.AppendHtml("</div>");
    }

    public static bool HasGovUkTableClass(TagHelperOutput output)
    {
        if (!output.Attributes.TryGetAttribute("class", out var attribute) || attribute.Value is null) return false;
        string classes;
        if (attribute.Value is Microsoft.AspNetCore.Html.IHtmlContent html and not Microsoft.AspNetCore.Html.HtmlString)
        {
            using var writer = new StringWriter();
            html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
            classes = writer.ToString();
        }
        else
        {
            classes = attribute.Value.ToString() ?? "";
        }
        return classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("govuk-table");
    }
}
