using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// Where an error summary link for a ModelState key points: the first box of the field with the error.
/// Date inputs (<see cref="GovUkDate"/> properties) link to their day box, or to the part whose key has the error.
/// </summary>
public static class ErrorSummaryLinks
{
    public static string Href(string key, ModelStateDictionary modelState, ModelMetadata? rootMetadata)
    {
        if (IsDate(key, modelState, rootMetadata))
        {
            return "#" + FieldIds.DatePartId(FieldIds.FromName(key), DatePart.Day);
        }

        var lastDot = key.LastIndexOf('.');
        if (lastDot > 0 && Enum.TryParse<DatePart>(key[(lastDot + 1)..], ignoreCase: false, out var part) &&
            IsDate(key[..lastDot], modelState, rootMetadata))
        {
            return "#" + FieldIds.DatePartId(FieldIds.FromName(key[..lastDot]), part);
        }

        return "#" + FieldIds.FromName(key);
    }

    private static bool IsDate(string key, ModelStateDictionary modelState, ModelMetadata? rootMetadata) =>
        modelState.ContainsKey(key + "." + nameof(DatePart.Day)) ||
        FindProperty(rootMetadata, key)?.ModelType == typeof(GovUkDate);

    /// <summary>Follows a key like <c>Input.Children[0].DateOfBirth</c> through the model's metadata.</summary>
    private static ModelMetadata? FindProperty(ModelMetadata? metadata, string key)
    {
        foreach (var segment in key.Split('.'))
        {
            if (metadata is null)
            {
                return null;
            }

            var bracket = segment.IndexOf('[');
            metadata = metadata.Properties[bracket < 0 ? segment : segment[..bracket]];
            if (bracket >= 0)
            {
                metadata = metadata?.ElementMetadata;
            }
        }

        return metadata;
    }
}
