using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// Attributes shared by every GOV.UK form field tag helper (asp-for, label, hint, label-size, is-page-heading) and
/// the two layouts they use: a labelled control, or a fieldset with a legend.
/// </summary>
public abstract class FormFieldTagHelperBase : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>Label text (the legend for fieldsets). Defaults to the property's [Display(Name)].</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>Hint text. Defaults to the property's [Display(Description)].</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>s, m, l or xl: adds govuk-label--{size} or govuk-fieldset__legend--{size}.</summary>
    [HtmlAttributeName("label-size")]
    public string? LabelSize { get; set; }

    /// <summary>Wraps the label or legend in the page's h1.</summary>
    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    /// <summary>Overrides the id generated from the field name.</summary>
    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    [HtmlAttributeName("form-group-class")]
    public string? FormGroupClass { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected string LabelText =>
        Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? For.Name;

    protected string? HintText => Hint ?? For.Metadata.Description;

    protected FieldState ResolveField() => FieldState.Resolve(ViewContext, For, Id);

    protected string? DescribedBy(FieldState field) =>
        FormGroupHtml.DescribedBy(field.Id, !string.IsNullOrEmpty(HintText), field.HasError);

    /// <summary>label, hint, error message, control — for input, textarea and select.</summary>
    protected void RenderLabelled(TagHelperOutput output, FieldState field, TagBuilder control)
    {
        if (DescribedBy(field) is { } describedBy)
        {
            control.Attributes["aria-describedby"] = describedBy;
        }

        FormGroupHtml.MoveUnboundAttributes(output, control);
        FormGroupHtml.WriteFormGroup(
            output,
            field.HasError,
            FormGroupClass,
            FormGroupHtml.Label(field.Id, LabelText, LabelSize, IsPageHeading),
            FormGroupHtml.Hint(field.Id, HintText),
            FormGroupHtml.ErrorMessage(field.Id, field.ErrorMessage),
            control);
    }

    /// <summary>fieldset with legend, hint, error message, then the items — for radios, checkboxes and dates.</summary>
    protected void RenderFieldset(TagHelperOutput output, FieldState field, IHtmlContent items, string? role = null)
    {
        var fieldset = FormGroupHtml.Fieldset(
            LabelText,
            LabelSize,
            IsPageHeading,
            DescribedBy(field),
            role,
            FormGroupHtml.Hint(field.Id, HintText),
            FormGroupHtml.ErrorMessage(field.Id, field.ErrorMessage),
            items);
        FormGroupHtml.WriteFormGroup(output, field.HasError, FormGroupClass, fieldset);
    }
}
