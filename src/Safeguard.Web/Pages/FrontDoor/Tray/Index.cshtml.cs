using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.FrontDoor.Tray;

/// <summary>The front-door tray: every undecided contact, child protection first, then by due time.</summary>
public sealed class IndexModel(FrontDoorTray tray, Safeguard.Core.Oversight.ManagerAlerts alerts, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public TrayPage Tray { get; private set; } = default!;

    /// <summary>Overdue contacts and undelivered or late feedback, for managers.</summary>
    public Safeguard.Core.Oversight.AlertList Alerts { get; private set; } = Safeguard.Core.Oversight.AlertList.Empty;
    public DateTimeOffset Now { get; private set; }

    public Safeguard.Web.TagHelpers.PaginationModel Pagination =>
        new(Tray.Page, (Tray.Total + Tray.PageSize - 1) / Tray.PageSize, p => $"/front-door?pageNumber={p}");

    public async Task OnGetAsync()
    {
        // A page number that is not a number leaves the default (the first page); one below 1 is the first.
        if (PageNumber < 1) PageNumber = 1;
        Now = time.GetUtcNow();
        Tray = await tray.ListAsync(PageNumber);
        if (User.Can(Safeguard.Core.Security.Permissions.ManageFrontDoor) && User.UserId() is { } userId)
        {
            Alerts = await alerts.ListForUserAsync(userId);
        }
    }
}
