using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Oversight;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.FrontDoor.Alerts;

/// <summary>Open alerts for the signed-in manager: their team's, or every team's for service managers and above.</summary>
public sealed class IndexModel(ManagerAlerts alerts) : PageModel
{
    public AlertList Alerts { get; private set; } = AlertList.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.UserId() is { } userId) Alerts = await alerts.ListForUserAsync(userId, ct: ct);
    }
}
