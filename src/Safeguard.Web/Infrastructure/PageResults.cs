using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Infrastructure;

public static class PageResults
{
    /// <summary>The same page again with its GOV.UK error summary, what was typed kept, and status 400.</summary>
    public static PageResult PageWithErrors(this PageModel model)
    {
        var page = model.Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>The same page again, showing the record as it is now with what was typed kept, and status 409: someone else changed it first.</summary>
    public static PageResult PageChangedElsewhere(this PageModel model)
    {
        var page = model.Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }
}
