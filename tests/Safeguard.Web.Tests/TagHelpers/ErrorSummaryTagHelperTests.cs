using Safeguard.Web.TagHelpers;
using static Safeguard.Web.Tests.TagHelpers.TagHelperHarness;

namespace Safeguard.Web.Tests.TagHelpers;

public class ErrorSummaryTagHelperTests
{
    [Fact]
    public async Task ErrorSummary_WithoutErrors_RendersNothing()
    {
        var harness = new TagHelperHarness().Posted("Input.FamilyName", "Smith");

        var html = await RenderHtml(harness.WithContext(new GovUkErrorSummaryTagHelper()), "govuk-error-summary");

        html.ShouldBeEmpty();
    }

    [Fact]
    public async Task ErrorSummary_LinksEachErrorToItsField()
    {
        var harness = new TagHelperHarness()
            .Error("Input.FamilyName", "Enter a family name")
            .Error("Input.Decision", "Select a decision");

        var summary = (await Render(harness.WithContext(new GovUkErrorSummaryTagHelper()), "govuk-error-summary"))!;

        summary.ClassList.ShouldContain("govuk-error-summary");
        summary.GetAttribute("data-module").ShouldBe("govuk-error-summary");
        summary.QuerySelector("div[role=alert] > h2.govuk-error-summary__title")!.TextContent.ShouldBe("There is a problem");
        var links = summary.QuerySelectorAll("ul.govuk-list.govuk-error-summary__list li a");
        links.Select(a => a.GetAttribute("href")).ShouldBe(["#Input_FamilyName", "#Input_Decision"]);
        links.Select(a => a.TextContent).ShouldBe(["Enter a family name", "Select a decision"]);
    }

    [Fact]
    public async Task ErrorSummary_ListsErrorsInTheOrderTheFieldsAreDeclared()
    {
        var harness = new TagHelperHarness()
            .Error("Input.TeamId", "Select a team")
            .Error("Input.DateOfBirth.Year", "Date of birth must include a year")
            .Error("Input.FamilyName", "Enter a family name")
            .Error(string.Empty, "This referral has already been allocated");

        var summary = (await Render(harness.WithContext(new GovUkErrorSummaryTagHelper()), "govuk-error-summary"))!;

        summary.QuerySelectorAll("li").Select(li => li.TextContent).ShouldBe(
        [
            "This referral has already been allocated",
            "Enter a family name",
            "Date of birth must include a year",
            "Select a team",
        ]);
    }

    [Fact]
    public async Task ErrorSummary_DateError_LinksToTheDayBox()
    {
        var harness = new TagHelperHarness().Error("Input.DateOfBirth", "Enter the child's date of birth");

        var summary = (await Render(harness.WithContext(new GovUkErrorSummaryTagHelper()), "govuk-error-summary"))!;

        summary.QuerySelector("a")!.GetAttribute("href").ShouldBe("#Input_DateOfBirth-day");
    }

    [Fact]
    public async Task ErrorSummary_ErrorOnOnePartOfADate_LinksToThatBox()
    {
        var harness = new TagHelperHarness()
            .Posted("Input.DateOfBirth.Day", "1")
            .Posted("Input.DateOfBirth.Year", "")
            .Error("Input.DateOfBirth.Year", "Date of birth must include a year");

        var summary = (await Render(harness.WithContext(new GovUkErrorSummaryTagHelper()), "govuk-error-summary"))!;

        summary.QuerySelector("a")!.GetAttribute("href").ShouldBe("#Input_DateOfBirth-year");
    }

    [Fact]
    public async Task ErrorSummary_FormLevelError_IsListedWithoutALink()
    {
        var harness = new TagHelperHarness().Error(string.Empty, "This referral has already been allocated");

        var summary = (await Render(harness.WithContext(new GovUkErrorSummaryTagHelper()), "govuk-error-summary"))!;

        var item = summary.QuerySelector("li")!;
        item.TextContent.ShouldBe("This referral has already been allocated");
        item.QuerySelector("a").ShouldBeNull();
    }
}
