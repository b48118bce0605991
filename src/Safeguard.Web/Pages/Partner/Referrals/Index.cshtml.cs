using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Web.Pages.Partner.Referrals;

public sealed record PartnerReferralLine(Guid Id, string Reference, DateTimeOffset ReceivedAt, string Children, ContactStatus Status, ScreeningOutcome? Outcome);

/// <summary>A partner's own referrals, newest first, with their outcome once decided.</summary>
public sealed class IndexModel(SafeguardDbContext db) : PageModel
{
    public IReadOnlyList<PartnerReferralLine> Referrals { get; private set; } = [];
    public string OrganisationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (PartnerAccount.OrganisationId(User) is not { } org) return Forbid();
        OrganisationName = await PartnerAccount.OrganisationNameAsync(db, org) ?? "";
        var rows = await db.Contacts.AsNoTracking()
            .Where(c => c.ReferringOrganisationId == org)
            .OrderByDescending(c => c.ReceivedAt).Take(200)
            .Select(c => new { c.Id, c.Reference, c.ReceivedAt, c.Status, c.Outcome })
            .ToListAsync();
        var names = await ContactChildNames.AsSentAsync(db, rows.Select(r => r.Id).ToList());
        Referrals = rows.Select(r => new PartnerReferralLine(r.Id, r.Reference, r.ReceivedAt, names.GetValueOrDefault(r.Id, ""), r.Status,
            r.Status == ContactStatus.Decided ? r.Outcome : null)).ToList();
        return Page();
    }
}
