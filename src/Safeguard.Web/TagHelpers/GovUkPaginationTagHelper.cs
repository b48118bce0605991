using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK pagination: <c>&lt;govuk-pagination model="Model.Pages" /&gt;</c> with a <see cref="PaginationModel"/>.
/// Renders nothing when there is only one page.
/// </summary>
[HtmlTargetElement("govuk-pagination", Attributes = "model", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkPaginationTagHelper : TagHelper
{
    private const string PreviousArrow =
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>";

    private const string NextArrow =
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg>";

    [HtmlAttributeName("model")]
    public PaginationModel Model { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Model.TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        output.BecomeElement("nav", "govuk-pagination");
        output.Attributes.SetAttribute("aria-label", "Pagination");
        output.Content.Clear();

        if (Model.HasPrevious)
        {
            output.Content.AppendHtml(PrevNext("prev", Model.PageUrl(Model.CurrentPage - 1), "Previous", PreviousArrow, arrowFirst: true));
        }

        var list = new TagBuilder("ul");
        list.AddCssClass("govuk-pagination__list");
        foreach (var page in Model.PageNumbers())
        {
            list.InnerHtml.AppendHtml(PageItem(page));
        }

        output.Content.AppendHtml(list);

        if (Model.HasNext)
        {
            output.Content.AppendHtml(PrevNext("next", Model.PageUrl(Model.CurrentPage + 1), "Next", NextArrow, arrowFirst: false));
        }
    }

    private TagBuilder PageItem(int? page)
    {
        var item = new TagBuilder("li");
        item.AddCssClass("govuk-pagination__item");
        if (page is not { } number)
        {
            item.AddCssClass("govuk-pagination__item--ellipsis");
            item.InnerHtml.AppendHtml("&ctdot;");
            return item;
        }

        var text = number.ToString(CultureInfo.InvariantCulture);
        var link = new TagBuilder("a");
        link.AddCssClass("govuk-link govuk-pagination__link");
        link.Attributes["href"] = Model.PageUrl(number);
        link.Attributes["aria-label"] = "Page " + text;
        if (number == Model.CurrentPage)
        {
            item.AddCssClass("govuk-pagination__item--current");
            link.Attributes["aria-current"] = "page";
        }

        link.InnerHtml.Append(text);
        item.InnerHtml.AppendHtml(link);
        return item;
    }

    private static TagBuilder PrevNext(string direction, string href, string text, string arrow, bool arrowFirst)
    {
        var title = new TagBuilder("span");
        title.AddCssClass("govuk-pagination__link-title");
        title.InnerHtml.Append(text).AppendHtml(FormGroupHtml.VisuallyHidden(" page"));

        var link = new TagBuilder("a");
        link.AddCssClass("govuk-link govuk-pagination__link");
        link.Attributes["href"] = href;
        link.Attributes["rel"] = direction;
        var icon = new HtmlString(arrow);
        if (arrowFirst)
        {
            link.InnerHtml.AppendHtml(icon).AppendHtml(title);
        }
        else
        {
            link.InnerHtml.AppendHtml(title).AppendHtml(icon);
        }

        var wrapper = new TagBuilder("div");
        wrapper.AddCssClass($"govuk-pagination__{direction}");
        wrapper.InnerHtml.AppendHtml(link);
        return wrapper;
    }
}
