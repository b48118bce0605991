using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK date input for a <see cref="GovUkDate"/> property:
/// <c>&lt;govuk-date-input asp-for="Input.DateOfBirth" label="What is the child's date of birth?" hint="For example, 27 3 2019" /&gt;</c>
/// <para>
/// Errors: add a model error to the date's key (<c>Input.DateOfBirth</c>) to mark all three boxes, or to one part's
/// key (<c>Input.DateOfBirth.Month</c>) to mark only that box. The first error found is shown.
/// </para>
/// </summary>
[HtmlTargetElement("govuk-date-input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkDateInputTagHelper : FormFieldTagHelperBase
{
    private static readonly DatePart[] Parts = [DatePart.Day, DatePart.Month, DatePart.Year];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var whole = ResolveField();
        var model = For.Model as GovUkDate;
        var partErrors = Parts.ToDictionary(p => p, p => FieldState.ErrorsFor(ViewContext, PartName(whole, p)));

        var errors = whole.Errors.Concat(Parts.SelectMany(p => partErrors[p])).ToList();
        var field = whole with { Errors = errors };

        var container = new TagBuilder("div");
        container.AddCssClass("govuk-date-input");
        container.Attributes["id"] = field.Id;
        foreach (var part in Parts)
        {
            var hasError = whole.HasError || partErrors[part].Count > 0;
            var value = FieldState.AttemptedValue(ViewContext, PartName(whole, part)) ?? ModelValue(model, part);
            container.InnerHtml.AppendHtml(PartHtml(field, part, value, hasError));
        }

        RenderFieldset(output, field, container, role: "group");
    }

    private static string PartName(FieldState field, DatePart part) => $"{field.Name}.{part}";

    private static string? ModelValue(GovUkDate? date, DatePart part) => part switch
    {
        DatePart.Day => date?.Day,
        DatePart.Month => date?.Month,
        _ => date?.Year,
    };

    private static IHtmlContent PartHtml(FieldState field, DatePart part, string? value, bool hasError)
    {
        var id = FieldIds.DatePartId(field.Id, part);
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
        input.AddCssClass(FormGroupHtml.Classes(
            "govuk-input govuk-date-input__input",
            hasError ? "govuk-input--error" : null,
            part == DatePart.Year ? "govuk-input--width-4" : "govuk-input--width-2"));
        input.Attributes["id"] = id;
        input.Attributes["name"] = PartName(field, part);
        input.Attributes["type"] = "text";
        input.Attributes["inputmode"] = "numeric";
        if (!string.IsNullOrEmpty(value))
        {
            input.Attributes["value"] = value;
        }

        var formGroup = new TagBuilder("div");
        formGroup.AddCssClass("govuk-form-group");
        formGroup.InnerHtml
            .AppendHtml(FormGroupHtml.Label(id, part.ToString(), size: null, isPageHeading: false, extraClass: "govuk-date-input__label"))
            .AppendHtml(input);

        var item = new TagBuilder("div");
        item.AddCssClass("govuk-date-input__item");
        item.InnerHtml.AppendHtml(formGroup);
        return item;
    }
}
