using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Oversight;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.FrontDoor.Alerts;

/// <summary>
/// A manager acknowledges an alert (POST only; folder rule: frontdoor.manage), then goes back where they were. Only an alert
/// their own list shows (their team's; every team's for service managers and above): any other is not found.
/// </summary>
public sealed class AcknowledgeModel(ManagerAlerts alerts) : PageModel
{
    public IActionResult OnGet() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public async Task<IActionResult> OnPostAsync(Guid id, string? returnUrl, CancellationToken ct)
    {
        if (User.UserId() is not { } userId) return Forbid();
        if (!await alerts.AcknowledgeAsync(id, userId, ct)) return NotFound();
        return LocalRedirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/front-door/alerts");
    }
}
