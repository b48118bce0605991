using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Pages.Status;

/// <summary>
/// The page for an unexpected exception, re-executed with the method of the request that failed. It takes no form, so a
/// post is not checked for its antiforgery token again: a failed partner API POST re-executed here would otherwise be
/// answered 400, which tells the sender its request is wrong.
/// </summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = "";

    public void OnGet() => RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;

    public void OnPost() => OnGet();
}
