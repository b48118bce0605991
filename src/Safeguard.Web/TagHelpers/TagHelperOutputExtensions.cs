using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

internal static class TagHelperOutputExtensions
{
    /// <summary>Turns the custom element into <paramref name="tagName"/> with the GOV.UK classes first, keeping any
    /// class and other attributes the page wrote on the custom element.</summary>
    public static void BecomeElement(this TagHelperOutput output, string tagName, params string?[] classes)
    {
        output.TagName = tagName;
        output.TagMode = TagMode.StartTagAndEndTag;
        var existing = output.Attributes.TryGetAttribute("class", out var attribute) ? attribute.Value?.ToString() : null;
        output.Attributes.SetAttribute("class", FormGroupHtml.Classes([.. classes, existing]));
    }
}
