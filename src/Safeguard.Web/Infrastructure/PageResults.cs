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
}
