namespace Safeguard.Web.TagHelpers;

/// <summary>
/// Which page of a list is showing, and how to link to another page, for <c>&lt;govuk-pagination&gt;</c>.
/// <c>new PaginationModel(page, totalPages, p =&gt; Url.Page("Index", new { page = p })!)</c>
/// </summary>
public sealed record PaginationModel(int CurrentPage, int TotalPages, Func<int, string> PageUrl)
{
    public bool HasPrevious => CurrentPage > 1;

    public bool HasNext => CurrentPage < TotalPages;

    /// <summary>
    /// The page numbers to show: the first, the last, and the current page with one either side; null marks a gap
    /// (rendered as an ellipsis). For page 6 of 12: 1, null, 5, 6, 7, null, 12.
    /// </summary>
    public IReadOnlyList<int?> PageNumbers()
    {
        var shown = new List<int?>();
        for (var page = 1; page <= TotalPages; page++)
        {
            if (page == 1 || page == TotalPages || Math.Abs(page - CurrentPage) <= 1)
            {
                if (shown.Count > 0 && shown[^1] is { } previous && page - previous > 1)
                {
                    shown.Add(null);
                }

                shown.Add(page);
            }
        }

        return shown;
    }
}
