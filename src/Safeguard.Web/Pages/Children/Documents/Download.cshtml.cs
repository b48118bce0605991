using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Safeguard.Core.Attachments;
using Safeguard.Core.People.Access;

namespace Safeguard.Web.Pages.Children.Documents;

/// <summary>
/// One of a child's documents, downloaded (never shown in the browser, whatever it holds): the download is recorded
/// before the file is sent. A restricted child the reader may not see, or a document not on this child's record, is not found.
/// </summary>
public sealed class DownloadModel(Attachments attachments, NeedToKnow needToKnow) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId)
    {
        if (!await needToKnow.CheckAsync(id, "a document on the child's record")) return NotFound();
        if (await attachments.OpenAsync(id, attachmentId) is not { } document) return NotFound();
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(document.Content, document.ContentType, document.FileName);
    }
}
