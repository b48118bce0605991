using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Safeguard.Web.Tests.Infrastructure;

public static class Html
{
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) => Parse(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// The hidden inputs a browser would send with the form that posts to <paramref name="path"/> (the form whose action
    /// is that address, else the first form that posts): the version a page was made from, a one-time key and so on.
    /// The antiforgery token is left to the caller.
    /// </summary>
    public static IReadOnlyDictionary<string, string> HiddenFields(string html, string path)
    {
        var forms = Parse(html).Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).ToList();
        var form = forms.FirstOrDefault(f => f.GetAttribute("action") == path)
                   ?? forms.FirstOrDefault(f => f.GetAttribute("action")?.Split('?')[0] == path.Split('?')[0])
                   ?? forms.FirstOrDefault();
        if (form is null) return new Dictionary<string, string>();
        return form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => i.Name is { Length: > 0 } && i.Name != "__RequestVerificationToken")
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value);
    }

    /// <summary>What a browser posts: the form's hidden inputs, then the fields a person filled in (which win).</summary>
    public static List<KeyValuePair<string, string>> AsPosted(string html, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var posted = new Dictionary<string, string>(HiddenFields(html, path));
        foreach (var (name, value) in fields) posted[name] = value;
        return posted.ToList();
    }
}
