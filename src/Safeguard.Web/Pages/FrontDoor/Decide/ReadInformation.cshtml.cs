using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.FrontDoor.Decide;

/// <summary>A front-door worker marks a contact's new information from the referrer as read (from the decision page).</summary>
public sealed class ReadInformationModel(ContactInformationRecords information, ContactAccess contactAccess) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("/FrontDoor/Decide/Index", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await contactAccess.CheckAsync(id, "marking new information read")) return NotFound();
        var read = await information.MarkReadAsync(id, User.UserId());
        TempData["Success"] = read == 0 ? "There was no unread information" : "New information marked as read";
        return Redirect($"/front-door/contacts/{id}#information");
    }
}
