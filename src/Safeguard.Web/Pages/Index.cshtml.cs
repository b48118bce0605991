using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Records;
using Safeguard.Core.Work;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages;

public sealed class IndexModel(VisibleWork work, TimeProvider time) : PageModel
{
    /// <summary>Which page of open work to show; anything that is not a page number shows the first.</summary>
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public WorkPage? OpenWork { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public PaginationModel? Pagination =>
        OpenWork is { } w ? new PaginationModel(w.Page, w.Pages, p => $"/?pageNumber={p}") : null;

    public async Task OnGetAsync()
    {
        // A page number that is not a number leaves the first page (the default); one below 1 is the first.
        if (PageNumber < 1) PageNumber = 1;
        Now = time.GetUtcNow();
        Guid? team = Guid.TryParse(User.FindFirst(SafeguardClaims.TeamId)?.Value, out var t) ? t : null;
        if (team is not null || User.Can(Core.Security.Permissions.ViewChildRecords))
        {
            OpenWork = await work.PageAsync(team, User.UserId(), PageNumber);
        }
    }
}
