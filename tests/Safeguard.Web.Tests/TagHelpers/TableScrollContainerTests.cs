using Safeguard.Web.TagHelpers;
using static Safeguard.Web.Tests.TagHelpers.TagHelperHarness;

namespace Safeguard.Web.Tests.TagHelpers;

/// <summary>GOV.UK tables sit in a container that scrolls sideways on a narrow screen (see the 320 px browser test).</summary>
public class TableScrollContainerTests
{
    [Fact]
    public async Task GovUkTable_SitsInAFocusableScrollingRegion_NamedByItsCaption()
    {
        var container = (await Render(new GovUkTableTagHelper { Caption = "Open work" }, "govuk-table", "<tbody></tbody>"))!;

        container.TagName.ShouldBe("DIV");
        container.ClassName.ShouldBe("sg-table-container");
        container.GetAttribute("tabindex").ShouldBe("0");
        container.GetAttribute("role").ShouldBe("region");
        container.GetAttribute("aria-label").ShouldBe("Open work");
        container.Children.Single().TagName.ShouldBe("TABLE");
    }

    [Fact]
    public async Task GovUkTable_WithoutACaption_IsNamedByItsRegionLabel_OrWithoutOneIsFocusableButNoLandmark()
    {
        var labelled = (await Render(new GovUkTableTagHelper { RegionLabel = "Contacts waiting" }, "govuk-table"))!;
        var plain = (await Render(new GovUkTableTagHelper(), "govuk-table"))!;

        labelled.GetAttribute("role").ShouldBe("region");
        labelled.GetAttribute("aria-label").ShouldBe("Contacts waiting");
        plain.GetAttribute("tabindex").ShouldBe("0");
        plain.HasAttribute("role").ShouldBeFalse();
        plain.HasAttribute("aria-label").ShouldBeFalse();
    }

    [Fact]
    public async Task HandWrittenGovUkTable_GetsTheSameContainer()
    {
        var html = await RenderHtml(new GovUkPlainTableTagHelper { RegionLabel = "Contacts waiting" }, "table", "<tbody></tbody>",
            ("class", "govuk-table"), ("data-testid", "tray"));

        html.ShouldBe("<div aria-label=\"Contacts waiting\" class=\"sg-table-container\" role=\"region\" tabindex=\"0\">"
            + "<table class=\"govuk-table\" data-testid=\"tray\"><tbody></tbody></table></div>");
    }

    [Fact]
    public async Task TableOfAnotherKind_IsLeftAsItIs()
    {
        var html = await RenderHtml(new GovUkPlainTableTagHelper(), "table", "<tbody></tbody>", ("class", "calendar"));

        html.ShouldBe("<table class=\"calendar\"><tbody></tbody></table>");
    }
}
