using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Documents;

namespace Safeguard.Web.Infrastructure;

public static class DocumentDownloads
{
    /// <summary>A child's document as a download (Content-Disposition: attachment), kept out of every cache: it is OFFICIAL - SENSITIVE.</summary>
    public static FileContentResult Download(this PageModel page, ChildDocument document)
    {
        page.Response.Headers.CacheControl = "no-store";
        page.Response.Headers.Pragma = "no-cache";
        return page.File(document.Content, ChildDocument.ContentType, document.FileName);
    }

    /// <summary>The council named on a document: the installation's, or Safeguard's own name where none is configured.</summary>
    public static string CouncilOnDocuments(this SiteSettings site) => site.CouncilName ?? "Safeguard";
}
