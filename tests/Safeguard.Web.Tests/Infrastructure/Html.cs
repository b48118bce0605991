using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Safeguard.Web.Tests.Infrastructure;

public static class Html
{
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) => Parse(await response.Content.ReadAsStringAsync());
}
