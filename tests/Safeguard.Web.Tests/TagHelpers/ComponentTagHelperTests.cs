using Safeguard.Web.TagHelpers;
using static Safeguard.Web.Tests.TagHelpers.TagHelperHarness;

namespace Safeguard.Web.Tests.TagHelpers;

public class ComponentTagHelperTests
{
    [Fact]
    public async Task Button_DefaultsToSubmitAndCanPreventDoubleClick()
    {
        var button = (await Render(new GovUkButtonTagHelper { PreventDoubleClick = true }, "govuk-button", "Save and continue", ("name", "action")))!;

        button.TagName.ShouldBe("BUTTON");
        button.GetAttribute("type").ShouldBe("submit");
        button.ClassName.ShouldBe("govuk-button");
        button.GetAttribute("data-module").ShouldBe("govuk-button");
        button.GetAttribute("data-prevent-double-click").ShouldBe("true");
        button.GetAttribute("name").ShouldBe("action");
        button.TextContent.ShouldBe("Save and continue");
    }

    [Theory]
    [InlineData("secondary")]
    [InlineData("warning")]
    public async Task Button_Variant_AddsModifierClass(string variant)
    {
        var button = (await Render(new GovUkButtonTagHelper { Variant = variant }, "govuk-button", "Go"))!;

        button.ClassList.ShouldBe(["govuk-button", $"govuk-button--{variant}"], ignoreOrder: true);
    }

    [Fact]
    public async Task Button_WithHref_IsALinkWithButtonRole()
    {
        var link = (await Render(new GovUkButtonTagHelper { Href = "/referrals/new" }, "govuk-button", "Start"))!;

        link.TagName.ShouldBe("A");
        link.GetAttribute("href").ShouldBe("/referrals/new");
        link.GetAttribute("role").ShouldBe("button");
        link.GetAttribute("draggable").ShouldBe("false");
        link.HasAttribute("type").ShouldBeFalse();
    }

    [Fact]
    public async Task Tag_Colour_AddsModifierAndKeepsExtraClasses()
    {
        var tag = (await Render(new GovUkTagTagHelper { Colour = "red" }, "govuk-tag", "Overdue", ("class", "sg-priority-urgent")))!;

        tag.TagName.ShouldBe("STRONG");
        tag.ClassList.ShouldBe(["govuk-tag", "govuk-tag--red", "sg-priority-urgent"], ignoreOrder: true);
    }

    [Fact]
    public async Task Tag_UnknownColour_Throws() =>
        await Should.ThrowAsync<InvalidOperationException>(() => Render(new GovUkTagTagHelper { Colour = "chartreuse" }, "govuk-tag", "x"));

    [Fact]
    public async Task Panel_RendersConfirmationTitleAndBody()
    {
        var panel = (await Render(new GovUkPanelTagHelper { Title = "Referral recorded" }, "govuk-panel", "Reference<br><strong>R-1042</strong>"))!;

        panel.ClassList.ShouldBe(["govuk-panel", "govuk-panel--confirmation"], ignoreOrder: true);
        panel.QuerySelector("h1.govuk-panel__title")!.TextContent.ShouldBe("Referral recorded");
        panel.QuerySelector(".govuk-panel__body strong")!.TextContent.ShouldBe("R-1042");
    }

    [Fact]
    public async Task NotificationBanner_Important_IsARegionLabelledByItsTitle()
    {
        var banner = (await Render(new GovUkNotificationBannerTagHelper { Heading = "This child has a plan." }, "govuk-notification-banner"))!;

        banner.GetAttribute("role").ShouldBe("region");
        banner.GetAttribute("aria-labelledby").ShouldBe("govuk-notification-banner-title");
        banner.QuerySelector("h2#govuk-notification-banner-title.govuk-notification-banner__title")!.TextContent.ShouldBe("Important");
        banner.QuerySelector(".govuk-notification-banner__content p.govuk-notification-banner__heading")!.TextContent.ShouldBe("This child has a plan.");
    }

    [Fact]
    public async Task NotificationBanner_Success_IsAnAlert()
    {
        var banner = (await Render(new GovUkNotificationBannerTagHelper { Type = "success" }, "govuk-notification-banner", "<p class=\"govuk-body\">Allocated</p>"))!;

        banner.ClassList.ShouldContain("govuk-notification-banner--success");
        banner.GetAttribute("role").ShouldBe("alert");
        banner.QuerySelector(".govuk-notification-banner__title")!.TextContent.ShouldBe("Success");
        banner.QuerySelector(".govuk-notification-banner__content p.govuk-body")!.TextContent.ShouldBe("Allocated");
    }

    [Fact]
    public async Task Pagination_ShowsPreviousNextAndCurrentPage()
    {
        var model = new PaginationModel(6, 12, p => $"/trays?page={p}");

        var nav = (await Render(new GovUkPaginationTagHelper { Model = model }, "govuk-pagination"))!;

        nav.TagName.ShouldBe("NAV");
        nav.GetAttribute("aria-label").ShouldBe("Pagination");
        nav.QuerySelector(".govuk-pagination__prev a[rel=prev]")!.GetAttribute("href").ShouldBe("/trays?page=5");
        nav.QuerySelector(".govuk-pagination__next a[rel=next]")!.GetAttribute("href").ShouldBe("/trays?page=7");
        var items = nav.QuerySelectorAll("ul.govuk-pagination__list > li");
        items.Select(li => li.TextContent.Trim()).ShouldBe(["1", "⋯", "5", "6", "7", "⋯", "12"]);
        var current = nav.QuerySelector("li.govuk-pagination__item--current a")!;
        current.GetAttribute("aria-current").ShouldBe("page");
        current.GetAttribute("aria-label").ShouldBe("Page 6");
    }

    [Fact]
    public async Task Pagination_OnePage_RendersNothing()
    {
        var html = await RenderHtml(new GovUkPaginationTagHelper { Model = new PaginationModel(1, 1, p => "/") }, "govuk-pagination");

        html.ShouldBeEmpty();
    }

    [Fact]
    public void PaginationModel_FirstPage_HasNoPreviousAndShowsNeighbours()
    {
        var model = new PaginationModel(1, 5, p => "/");

        model.HasPrevious.ShouldBeFalse();
        model.HasNext.ShouldBeTrue();
        model.PageNumbers().ShouldBe([1, 2, null, 5]);
    }

    [Fact]
    public async Task SummaryList_RowWithChangeLink_HasVisuallyHiddenContext()
    {
        var row = (await Render(
            new GovUkSummaryListRowTagHelper { Key = "Date of birth", ChangeHref = "/child/dob" }, "govuk-summary-list-row", "27 March 2019"))!;

        row.ClassName.ShouldBe("govuk-summary-list__row");
        row.QuerySelector("dt.govuk-summary-list__key")!.TextContent.ShouldBe("Date of birth");
        row.QuerySelector("dd.govuk-summary-list__value")!.TextContent.ShouldBe("27 March 2019");
        var link = row.QuerySelector("dd.govuk-summary-list__actions a.govuk-link")!;
        link.GetAttribute("href").ShouldBe("/child/dob");
        link.TextContent.ShouldBe("Change date of birth");
        link.QuerySelector(".govuk-visually-hidden")!.TextContent.ShouldBe(" date of birth");
    }

    [Fact]
    public async Task SummaryList_RowWithoutAction_IsMarkedNoActions()
    {
        var row = (await Render(new GovUkSummaryListRowTagHelper { Key = "Name" }, "govuk-summary-list-row", "Alex"))!;

        row.ClassList.ShouldContain("govuk-summary-list__row--no-actions");
        row.QuerySelector(".govuk-summary-list__actions").ShouldBeNull();
        (await Render(new GovUkSummaryListTagHelper(), "govuk-summary-list"))!.TagName.ShouldBe("DL");
    }

    [Fact]
    public async Task Table_HeaderCells_AreColumnHeadersInTheHeadAndRowHeadersInTheBody()
    {
        var inHead = new Dictionary<object, object>();
        new GovUkTableHeadTagHelper().Init(new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext(
            "govuk-table-head", new(), inHead, "h"));
        var inBody = new Dictionary<object, object>();
        new GovUkTableBodyTagHelper().Init(new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext(
            "govuk-table-body", new(), inBody, "b"));

        (await RenderWithItems(new GovUkTableHeaderTagHelper(), "govuk-table-header", inHead)).ShouldContain("scope=\"col\"");
        (await RenderWithItems(new GovUkTableHeaderTagHelper { Numeric = true }, "govuk-table-header", inBody)).ShouldContain("scope=\"row\"");

        var table = (await Render(new GovUkTableTagHelper { Caption = "Open work", CaptionSize = "m" }, "govuk-table", "<tbody></tbody>"))!
            .QuerySelector("table")!;
        table.ClassName.ShouldBe("govuk-table");
        table.QuerySelector("caption.govuk-table__caption.govuk-table__caption--m")!.TextContent.ShouldBe("Open work");
        (await RenderHtml(new GovUkTableCellTagHelper { Numeric = true }, "govuk-table-cell", "12"))
            .ShouldBe("<td class=\"govuk-table__cell govuk-table__cell--numeric\">12</td>");
    }

    [Fact]
    public async Task BackLink_DefaultsToBack()
    {
        var link = (await Render(new GovUkBackLinkTagHelper { Href = "/referrals" }, "govuk-back-link"))!;

        link.OuterHtml.ShouldBe("<a class=\"govuk-back-link\" href=\"/referrals\">Back</a>");
    }

    [Fact]
    public async Task InsetText_WarningText_Details_UseGovUkMarkup()
    {
        (await Render(new GovUkInsetTextTagHelper(), "govuk-inset-text", "Note"))!.ClassName.ShouldBe("govuk-inset-text");

        var warning = (await Render(new GovUkWarningTextTagHelper(), "govuk-warning-text", "Subject to a plan"))!;
        warning.QuerySelector("span.govuk-warning-text__icon[aria-hidden=true]")!.TextContent.ShouldBe("!");
        warning.QuerySelector("strong.govuk-warning-text__text")!.TextContent.ShouldBe("Warning Subject to a plan");

        var details = (await Render(new GovUkDetailsTagHelper { Summary = "What is a contact?" }, "govuk-details", "Any enquiry"))!;
        details.TagName.ShouldBe("DETAILS");
        details.QuerySelector("summary.govuk-details__summary span.govuk-details__summary-text")!.TextContent.ShouldBe("What is a contact?");
        details.QuerySelector("div.govuk-details__text")!.TextContent.ShouldBe("Any enquiry");
    }

    private static async Task<string> RenderWithItems(
        Microsoft.AspNetCore.Razor.TagHelpers.TagHelper helper, string tagName, Dictionary<object, object> items)
    {
        var context = new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext(tagName, new(), items, "t");
        var output = new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperOutput(tagName, new(), (_, _) =>
            Task.FromResult<Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContent>(new Microsoft.AspNetCore.Razor.TagHelpers.DefaultTagHelperContent()));
        await helper.ProcessAsync(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
