using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Web.Pages.Partner.Referral;

/// <summary>One of the partner's own referrals: what they sent, and the outcome and reasons once decided.</summary>
public sealed class IndexModel(SafeguardDbContext db) : PageModel
{
    public Contact Contact { get; private set; } = default!;
    public IReadOnlyList<string> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (PartnerAccount.OrganisationId(User) is not { } org) return Forbid();
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.ReferringOrganisationId == org);
        if (contact is null) return NotFound();
        Contact = contact;
        // The names the partner sent, never the person index's (which may have been corrected, or linked to another record).
        Children = (await db.ContactChildren.AsNoTracking().Where(cc => cc.ContactId == id).OrderBy(cc => cc.Id).ToListAsync())
            .Select(cc => cc.SentName).ToList();
        return Page();
    }
}
