using Safeguard.Web.TagHelpers;
using static Safeguard.Web.Tests.TagHelpers.TagHelperHarness;

namespace Safeguard.Web.Tests.TagHelpers;

public class DateInputTagHelperTests
{
    [Fact]
    public async Task DateInput_ErrorOnMonth_MarksOnlyTheMonthAndKeepsWhatWasTyped()
    {
        var harness = new TagHelperHarness()
            .Posted("Input.DateOfBirth.Day", "31")
            .Posted("Input.DateOfBirth.Month", "")
            .Posted("Input.DateOfBirth.Year", "2019")
            .Error("Input.DateOfBirth.Month", "Date of birth must include a month");
        var helper = harness.WithContext(new GovUkDateInputTagHelper
        {
            For = harness.For(m => m.Input.DateOfBirth),
            Label = "What is the child's date of birth?",
            Hint = "For example, 27 3 2019",
        });

        var group = (await Render(helper, "govuk-date-input"))!;

        group.ClassList.ShouldContain("govuk-form-group--error");
        var fieldset = group.QuerySelector("fieldset.govuk-fieldset[role=group]")!;
        fieldset.GetAttribute("aria-describedby").ShouldBe("Input_DateOfBirth-hint Input_DateOfBirth-error");
        group.QuerySelector("#Input_DateOfBirth-error")!.TextContent.ShouldBe("Error: Date of birth must include a month");
        group.QuerySelector("div.govuk-date-input")!.Id.ShouldBe("Input_DateOfBirth");

        var day = group.QuerySelector("#Input_DateOfBirth-day")!;
        var month = group.QuerySelector("#Input_DateOfBirth-month")!;
        var year = group.QuerySelector("#Input_DateOfBirth-year")!;
        day.GetAttribute("name").ShouldBe("Input.DateOfBirth.Day");
        day.GetAttribute("value").ShouldBe("31");
        year.GetAttribute("value").ShouldBe("2019");
        day.ClassList.ShouldNotContain("govuk-input--error");
        month.ClassList.ShouldContain("govuk-input--error");
        year.ClassList.ShouldNotContain("govuk-input--error");
        year.ClassList.ShouldContain("govuk-input--width-4");
        day.GetAttribute("inputmode").ShouldBe("numeric");
        group.QuerySelector("label.govuk-date-input__label[for='Input_DateOfBirth-day']")!.TextContent.ShouldBe("Day");
    }

    [Fact]
    public async Task DateInput_ErrorOnWholeDate_MarksAllThreeBoxes()
    {
        var harness = new TagHelperHarness().Error("Input.DateOfBirth", "Date of birth must be in the past");
        var helper = harness.WithContext(new GovUkDateInputTagHelper { For = harness.For(m => m.Input.DateOfBirth), Label = "Date of birth" });

        var group = (await Render(helper, "govuk-date-input"))!;

        group.QuerySelectorAll("input.govuk-input--error").Length.ShouldBe(3);
        group.QuerySelector("fieldset")!.GetAttribute("aria-describedby").ShouldBe("Input_DateOfBirth-error");
    }

    [Fact]
    public async Task DateInput_BeforeAnyPost_ShowsTheModelDate()
    {
        var page = new TestPage { Input = { DateOfBirth = GovUkDate.From(new DateOnly(2019, 3, 27)) } };
        var harness = new TagHelperHarness(page);
        var helper = harness.WithContext(new GovUkDateInputTagHelper { For = harness.For(m => m.Input.DateOfBirth), Label = "Date of birth" });

        var group = (await Render(helper, "govuk-date-input"))!;

        group.QuerySelectorAll("input").Select(i => i.GetAttribute("value")).ShouldBe(["27", "3", "2019"]);
        group.ClassList.ShouldNotContain("govuk-form-group--error");
        group.QuerySelector("fieldset")!.HasAttribute("aria-describedby").ShouldBeFalse();
    }

    [Theory]
    [InlineData("27", "3", "2019", true)]
    [InlineData(" 1 ", "12", "2020", true)]
    [InlineData("29", "2", "2023", false)]
    [InlineData("29", "2", "2024", true)]
    [InlineData("31", "13", "2019", false)]
    [InlineData("1", "1", "19", false)]
    [InlineData("", "1", "2019", false)]
    [InlineData("-1", "1", "2019", false)]
    public void GovUkDate_TryGetDate_AcceptsOnlyRealDatesWithFourDigitYears(string day, string month, string year, bool valid)
    {
        var date = new GovUkDate { Day = day, Month = month, Year = year };

        date.TryGetDate(out var parsed).ShouldBe(valid);
        if (valid)
        {
            parsed.ShouldBe(new DateOnly(int.Parse(year), int.Parse(month), int.Parse(day)));
        }
    }

    [Fact]
    public void GovUkDate_MissingParts_ListsTheEmptyBoxes()
    {
        new GovUkDate { Day = "1", Year = " " }.MissingParts().ShouldBe([DatePart.Month, DatePart.Year]);
        new GovUkDate().IsEmpty.ShouldBeTrue();
    }
}
