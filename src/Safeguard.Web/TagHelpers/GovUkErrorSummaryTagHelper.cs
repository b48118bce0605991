using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK error summary built from ModelState: <c>&lt;govuk-error-summary /&gt;</c> at the top of the main column.
/// Renders nothing when there are no errors. Each error links to its field (<c>#Input_FamilyName</c>), in the order
/// the properties are declared on the model; errors with an empty key (whole-form errors) come first, without a link.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeName("title")]
    public string Title { get; set; } = "There is a problem";

    /// <summary>Optional sentence under the title.</summary>
    [HtmlAttributeName("description")]
    public string? Description { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ModelState;
        var metadata = ViewContext.ViewData.ModelMetadata;
        var errors = modelState
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .Select(kv => (kv.Key, Message: FieldState.ErrorsOf(kv.Value)[0]))
            .ToList();
        errors.Sort((x, y) => ErrorSummaryLinks.CompareOrder(
            ErrorSummaryLinks.FieldOrder(x.Key, metadata), ErrorSummaryLinks.FieldOrder(y.Key, metadata)));
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var list = new TagBuilder("ul");
        list.AddCssClass("govuk-list govuk-error-summary__list");
        foreach (var (key, message) in errors)
        {
            var item = new TagBuilder("li");
            if (string.IsNullOrEmpty(key))
            {
                item.InnerHtml.Append(message);
            }
            else
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = ErrorSummaryLinks.Href(key, modelState, ViewContext.ViewData.ModelMetadata);
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }

            list.InnerHtml.AppendHtml(item);
        }

        var title = new TagBuilder("h2");
        title.AddCssClass("govuk-error-summary__title");
        title.InnerHtml.Append(Title);

        var body = new TagBuilder("div");
        body.AddCssClass("govuk-error-summary__body");
        if (!string.IsNullOrEmpty(Description))
        {
            var description = new TagBuilder("p");
            description.InnerHtml.Append(Description);
            body.InnerHtml.AppendHtml(description);
        }

        body.InnerHtml.AppendHtml(list);

        var alert = new TagBuilder("div");
        alert.Attributes["role"] = "alert";
        alert.InnerHtml.AppendHtml(title).AppendHtml(body);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(alert);
    }
}
