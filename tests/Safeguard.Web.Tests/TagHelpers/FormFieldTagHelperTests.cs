using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Web.TagHelpers;
using static Safeguard.Web.Tests.TagHelpers.TagHelperHarness;

namespace Safeguard.Web.Tests.TagHelpers;

public class FormFieldTagHelperTests
{
    private static readonly SelectListItem[] Decisions =
    [
        new("No further action", "nfa"),
        new("Strategy discussion", "strategy"),
        new("Assessment", "assessment"),
    ];

    [Fact]
    public async Task Input_WithModelStateError_ShowsErrorBesideFieldAndKeepsWhatWasTyped()
    {
        var harness = new TagHelperHarness().Posted("Input.Age", "twelve").Error("Input.Age", "Enter age as a number, like 12");
        var helper = harness.WithContext(new GovUkInputTagHelper { For = harness.For(m => m.Input.Age), Label = "Age", Hint = "In years", Width = "3" });

        var group = (await Render(helper, "govuk-input"))!;

        group.ClassList.ShouldBe(["govuk-form-group", "govuk-form-group--error"], ignoreOrder: true);
        var input = group.QuerySelector("input")!;
        input.Id.ShouldBe("Input_Age");
        input.GetAttribute("name").ShouldBe("Input.Age");
        input.GetAttribute("value").ShouldBe("twelve");
        input.ClassList.ShouldBe(["govuk-input", "govuk-input--width-3", "govuk-input--error"], ignoreOrder: true);
        input.GetAttribute("aria-describedby").ShouldBe("Input_Age-hint Input_Age-error");

        group.QuerySelector("label.govuk-label")!.GetAttribute("for").ShouldBe("Input_Age");
        group.QuerySelector("#Input_Age-hint.govuk-hint")!.TextContent.ShouldBe("In years");
        var error = group.QuerySelector("p#Input_Age-error.govuk-error-message")!;
        error.QuerySelector("span.govuk-visually-hidden")!.TextContent.ShouldBe("Error:");
        error.TextContent.ShouldBe("Error: Enter age as a number, like 12");
    }

    [Fact]
    public async Task Input_WithoutErrors_ShowsModelValueAndPassesOtherAttributesToTheInput()
    {
        var harness = new TagHelperHarness(new TestPage { Input = { FamilyName = "O'Neill" } });
        var helper = harness.WithContext(new GovUkInputTagHelper
        {
            For = harness.For(m => m.Input.FamilyName),
            Label = "Family name",
            Autocomplete = "family-name",
            InputMode = "text",
            Width = "two-thirds",
            IsPageHeading = true,
            LabelSize = "l",
        });

        var group = (await Render(helper, "govuk-input", "", ("spellcheck", "false")))!;

        group.ClassList.ShouldNotContain("govuk-form-group--error");
        var input = group.QuerySelector("input")!;
        input.GetAttribute("value").ShouldBe("O'Neill");
        input.GetAttribute("autocomplete").ShouldBe("family-name");
        input.GetAttribute("spellcheck").ShouldBe("false");
        input.ClassList.ShouldContain("govuk-!-width-two-thirds");
        input.HasAttribute("aria-describedby").ShouldBeFalse();
        group.HasAttribute("spellcheck").ShouldBeFalse();
        group.QuerySelector("h1.govuk-label-wrapper > label.govuk-label.govuk-label--l")!.TextContent.ShouldBe("Family name");
        group.QuerySelector(".govuk-error-message").ShouldBeNull();
    }

    [Fact]
    public async Task Textarea_WithError_KeepsTypedTextAndMarksTheTextarea()
    {
        var harness = new TagHelperHarness().Posted("Input.Reason", "Bruising <noticed> at school").Error("Input.Reason", "Enter the reason for the referral");
        var helper = harness.WithContext(new GovUkTextareaTagHelper { For = harness.For(m => m.Input.Reason), Label = "Reason" });

        var group = (await Render(helper, "govuk-textarea"))!;

        var textarea = group.QuerySelector("textarea")!;
        textarea.TextContent.ShouldBe("Bruising <noticed> at school");
        textarea.ClassList.ShouldBe(["govuk-textarea", "govuk-textarea--error"], ignoreOrder: true);
        textarea.GetAttribute("aria-describedby").ShouldBe("Input_Reason-error");
        textarea.GetAttribute("rows").ShouldBe("5");
    }

    [Fact]
    public async Task Select_SelectsThePostedOption()
    {
        var harness = new TagHelperHarness().Posted("Input.TeamId", "strategy");
        var helper = harness.WithContext(new GovUkSelectTagHelper { For = harness.For(m => m.Input.TeamId), Label = "Team", Items = Decisions });

        var group = (await Render(helper, "govuk-select"))!;

        var select = group.QuerySelector("select.govuk-select#Input_TeamId")!;
        select.QuerySelectorAll("option").Select(o => o.HasAttribute("selected")).ShouldBe([false, true, false]);
    }

    [Fact]
    public async Task Radios_WithError_FirstRadioTakesTheFieldIdAndPostedValueIsChecked()
    {
        var harness = new TagHelperHarness().Posted("Input.Decision", "assessment").Error("Input.Decision", "Select a decision");
        var helper = harness.WithContext(new GovUkRadiosTagHelper
        {
            For = harness.For(m => m.Input.Decision),
            Label = "What is the decision?",
            LabelSize = "m",
            Items = Decisions,
            Inline = true,
        });

        var group = (await Render(helper, "govuk-radios"))!;

        group.ClassList.ShouldContain("govuk-form-group--error");
        var fieldset = group.QuerySelector("fieldset.govuk-fieldset")!;
        fieldset.GetAttribute("aria-describedby").ShouldBe("Input_Decision-error");
        fieldset.QuerySelector("legend.govuk-fieldset__legend.govuk-fieldset__legend--m")!.TextContent.ShouldBe("What is the decision?");
        group.QuerySelector(".govuk-radios.govuk-radios--inline")!.GetAttribute("data-module").ShouldBe("govuk-radios");
        var radios = group.QuerySelectorAll("input.govuk-radios__input");
        radios.Select(r => r.Id).ShouldBe(["Input_Decision", "Input_Decision-2", "Input_Decision-3"]);
        radios.Select(r => r.GetAttribute("name")).Distinct().ShouldBe(["Input.Decision"]);
        radios.Select(r => r.HasAttribute("checked")).ShouldBe([false, false, true]);
        group.QuerySelector("label.govuk-radios__label[for='Input_Decision-2']")!.TextContent.ShouldBe("Strategy discussion");
    }

    [Fact]
    public async Task Checkboxes_CheckEveryPostedValue()
    {
        var harness = new TagHelperHarness().Posted("Input.Concerns", "nfa", "assessment");
        var helper = harness.WithContext(new GovUkCheckboxesTagHelper { For = harness.For(m => m.Input.Concerns), Label = "Concerns", Hint = "Select all that apply", Items = Decisions });

        var group = (await Render(helper, "govuk-checkboxes"))!;

        group.QuerySelector("fieldset")!.GetAttribute("aria-describedby").ShouldBe("Input_Concerns-hint");
        group.QuerySelectorAll("input[type=checkbox]").Select(c => c.HasAttribute("checked")).ShouldBe([true, false, true]);
    }

    [Fact]
    public async Task Checkboxes_BeforeAnyPost_CheckTheModelValues()
    {
        var harness = new TagHelperHarness(new TestPage { Input = { Concerns = ["strategy"] } });
        var helper = harness.WithContext(new GovUkCheckboxesTagHelper { For = harness.For(m => m.Input.Concerns), Label = "Concerns", Items = Decisions });

        var group = (await Render(helper, "govuk-checkboxes"))!;

        group.QuerySelectorAll("input[type=checkbox]").Select(c => c.HasAttribute("checked")).ShouldBe([false, true, false]);
    }
}
