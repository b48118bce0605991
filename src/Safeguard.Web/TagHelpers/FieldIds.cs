using Microsoft.AspNetCore.Mvc.Rendering;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// One rule for turning a model-state key (a full field name such as <c>Input.DateOfBirth</c>) into the HTML id
/// of the field, so the error summary's links always match the ids the field tag helpers render.
/// </summary>
public static class FieldIds
{
    public static string FromName(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_");

    public static string HintId(string fieldId) => fieldId + "-hint";

    public static string ErrorId(string fieldId) => fieldId + "-error";

    /// <summary>Id of one of a date input's three boxes, e.g. <c>Input_DateOfBirth-day</c>.</summary>
    public static string DatePartId(string dateId, DatePart part) => $"{dateId}-{part.ToString().ToLowerInvariant()}";
}

public enum DatePart
{
    Day,
    Month,
    Year,
}
