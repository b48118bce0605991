using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Web.Pages.Partner.Referrals;

/// <summary>A partner's own referrals, newest first, with their outcome once decided (<see cref="PartnerReferrals"/>).</summary>
public sealed class IndexModel(SafeguardDbContext db, PartnerReferrals referrals) : PageModel
{
    public IReadOnlyList<PartnerReferralView> Referrals { get; private set; } = [];
    public string OrganisationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (PartnerAccount.OrganisationId(User) is not { } org) return Forbid();
        OrganisationName = await PartnerAccount.OrganisationNameAsync(db, org) ?? "";
        Referrals = await referrals.NewestAsync(org, take: 200);
        return Page();
    }
}
