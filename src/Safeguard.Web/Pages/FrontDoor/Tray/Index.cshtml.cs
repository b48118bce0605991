using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Web.Pages.FrontDoor.Tray;

/// <summary>The front-door tray: every undecided contact, child protection first, then by due time.</summary>
public sealed class IndexModel(FrontDoorTray tray, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public TrayPage Tray { get; private set; } = default!;
    public DateTimeOffset Now { get; private set; }

    public Safeguard.Web.TagHelpers.PaginationModel Pagination =>
        new(Tray.Page, (Tray.Total + Tray.PageSize - 1) / Tray.PageSize, p => $"/front-door?pageNumber={p}");

    public async Task OnGetAsync()
    {
        if (ModelState.Remove(nameof(PageNumber)) || PageNumber < 1) PageNumber = 1;
        Now = time.GetUtcNow();
        Tray = await tray.ListAsync(PageNumber);
    }
}
