using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Pages.FrontDoor.Shared;

namespace Safeguard.Web.Pages.Partner.Refer;

/// <summary>A partner agency's referral form: the same checks and intake as the front door's.</summary>
public sealed class IndexModel(ContactIntake intake, SafeguardDbContext db, TimeProvider time) : ContactFormPageModel
{
    public override bool IsPartner => true;

    public async Task<IActionResult> OnGetAsync()
    {
        if (PartnerAccount.OrganisationId(User) is not { } org) return Forbid();
        Form.ReferrerName = User.DisplayName();
        Form.ReferrerOrganisation = await PartnerAccount.OrganisationNameAsync(db, org);
        Form.ReferrerEmail = User.Identity?.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (PartnerAccount.OrganisationId(User) is not { } org) return Forbid();
        ModelState.Clear();
        // No chosen records: a partner never links a child to an existing record (any posted choice is ignored).
        var contact = ContactFormValidator.Validate(Form, ModelState, ContactChannel.PartnerPage, org, ContactContentRule.Today(time.GetUtcNow()),
            chosenRecords: null);
        if (contact is null)
        {
            return this.PageWithErrors();
        }
        var recorded = await intake.RecordOnceAsync(contact with { SubmissionKey = SubmissionKey });
        if (recorded.AlreadyRecorded)
        {
            TempData["Success"] = $"Referral {recorded.Reference} was already sent from this form. It has not been sent twice";
            return RedirectToPage("/Partner/Referral/Index", new { id = recorded.Id });
        }
        TempData["Success"] = $"Referral {recorded.Reference} sent. You will hear the outcome by {DueTime.Local(recorded.FeedbackDueAt)}";
        return RedirectToPage("/Partner/Referrals/Index");
    }
}
