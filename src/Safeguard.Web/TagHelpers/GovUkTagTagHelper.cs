using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK tag: <c>&lt;govuk-tag colour="green"&gt;Allocated&lt;/govuk-tag&gt;</c>. Colours: grey, green, teal, turquoise,
/// purple, magenta, pink, red, orange, yellow; omit for blue. Extra classes pass through, e.g. <c>class="sg-priority-urgent"</c>.
/// </summary>
[HtmlTargetElement("govuk-tag")]
public sealed class GovUkTagTagHelper : TagHelper
{
    private static readonly HashSet<string> Colours =
        ["grey", "green", "teal", "turquoise", "purple", "magenta", "pink", "red", "orange", "yellow"];

    [HtmlAttributeName("colour")]
    public string? Colour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Colour is not null && Colour != "blue" && !Colours.Contains(Colour))
        {
            throw new InvalidOperationException($"Unknown GOV.UK tag colour '{Colour}'. Use one of: blue, {string.Join(", ", Colours)}.");
        }

        var colourClass = Colour is null or "blue" ? null : $"govuk-tag--{Colour}";
        output.BecomeElement("strong", "govuk-tag", colourClass);
    }
}
