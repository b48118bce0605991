using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Safeguard.Core.Attachments;

namespace Safeguard.Web.Pages.Status;

/// <summary>
/// The page shown for 400 (a post that could not be read), 403, 404, 503 (the database unavailable just now) and other status codes (re-executed by the status code middleware, with the method of the
/// request that failed). It takes no form, so a post re-executed here is not checked for its antiforgery token again:
/// an upload refused for its size (413) has a form that cannot be read.
/// </summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class IndexModel(IOptions<AttachmentSettings> attachments) : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    /// <summary>Read from the route, not bound: binding would try the post's form first, which may be the one that could not be read.</summary>
    public void OnPost() => Code = int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : 0;

    public (string Title, string Message) Text => Code switch
    {
        400 => ("The page could not be sent",
            "Safeguard could not read what the page sent: it may have been open for too long or changed on the way. "
            + "Go back, reload the page and try again."),
        403 => ("You do not have permission to see this page",
            "Your account does not have access to this page. If you need it for your work, ask your manager or system administrator."),
        404 => ("Page not found", "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address."),
        413 => ("The file is too large",
            $"The file must be smaller than {AttachmentTypes.SizeWords(attachments.Value.MaxBytes)}. Go back and choose a smaller file, or split it into parts."),
        503 => ("Sorry, the service is unavailable",
            "You will be able to use the service again soon. Try again in a few minutes. If you were saving something, "
            + "check whether it was saved before you enter it again."),
        _ => ("Sorry, there is a problem", "Try again later."),
    };
}
