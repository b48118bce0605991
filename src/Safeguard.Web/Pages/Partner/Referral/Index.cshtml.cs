using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Partner.Referral;

/// <summary>
/// One of the partner's own referrals: what they sent, the outcome and reasons once decided, and any information they
/// added since (with a form to add more).
/// </summary>
public sealed class IndexModel(PartnerReferrals referrals, ContactInformationRecords information) : PageModel
{
    public PartnerReferralView Referral { get; private set; } = default!;
    public string ConcernAsSent { get; private set; } = "";
    public IReadOnlyList<InformationLine> AddedInformation { get; private set; } = [];

    [BindProperty, Display(Name = "What do you want to add?", Description = "For example, something that has happened since, or details you did not have before.")]
    public string? Text { get; set; }

    [BindProperty, Display(Name = "Your name (optional)")]
    public string? From { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (PartnerAccount.OrganisationId(User) is not { } org) return Forbid();
        if (!await LoadAsync(id, org)) return NotFound();
        From = User.DisplayName();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (PartnerAccount.OrganisationId(User) is not { } org) return Forbid();
        if (!await LoadAsync(id, org)) return NotFound();
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Text)) ModelState.AddModelError(nameof(Text), "Enter the information you want to add");
        else if (Text.Length > ContactInformation.MaxTextLength)
            ModelState.AddModelError(nameof(Text), $"The information must be {ContactInformation.MaxTextLength:N0} characters or fewer");
        if (From is { Length: > ContactInformation.MaxFromLength })
            ModelState.AddModelError(nameof(From), $"Your name must be {ContactInformation.MaxFromLength} characters or fewer");
        if (!ModelState.IsValid) return this.PageWithErrors();

        await information.AddAsync(id, org, Text!, From, User.UserId());
        TempData["Success"] = $"Information added to referral {Referral.Reference}";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, Guid org)
    {
        if (await referrals.OneAsync(org, id) is not { } referral) return false;
        Referral = referral;
        ConcernAsSent = await referrals.ConcernAsSentAsync(org, id) ?? "";
        AddedInformation = await information.ForContactAsync(id, org);
        return true;
    }
}
