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

    /// <summary>
    /// Sort key that puts errors in the order the fields are declared on the model (ModelState enumerates keys in its
    /// own order, not the page's). Form-level errors (empty key) come first; keys the model does not know come last.
    /// </summary>
    public static IReadOnlyList<int> FieldOrder(string key, ModelMetadata? rootMetadata)
    {
        var order = new List<int>();
        if (key.Length == 0)
        {
            return order;
        }

        var metadata = rootMetadata;
        foreach (var segment in key.Split('.'))
        {
            var bracket = segment.IndexOf('[');
            var name = bracket < 0 ? segment : segment[..bracket];
            var properties = metadata?.Properties.ToList() ?? [];
            var index = properties.FindIndex(p => p.PropertyName == name);
            order.Add(index < 0 ? int.MaxValue : index);
            metadata = index < 0 ? null : properties[index];
            if (bracket >= 0)
            {
                order.Add(int.TryParse(segment[(bracket + 1)..^1], out var position) ? position : int.MaxValue);
                metadata = metadata?.ElementMetadata;
            }
        }

        return order;
    }

    /// <summary>Compares two <see cref="FieldOrder"/> keys element by element; a prefix sorts first.</summary>
    public static int CompareOrder(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return a.Count.CompareTo(b.Count);
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
