using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Organisations;

/// <summary>Rename an organisation or change its kind or CIN referral source code. A stale save keeps what was typed.</summary>
public sealed class EditModel(OrganisationAdministration admin) : PageModel
{
    public OrganisationLine Organisation { get; private set; } = default!;

    /// <summary>Set when someone else saved a change while this form was open: what it is now.</summary>
    public OrganisationLine? ChangedMeanwhile { get; private set; }

    [BindProperty, Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty, Display(Name = "Kind of organisation")]
    public string? Kind { get; set; }

    [BindProperty, Display(Name = "CIN referral source code", Description = OrganisationFormOptions.CodeHint)]
    public string? CinReferralSourceCode { get; set; }

    [BindProperty, Display(Name = "Reason for the change")]
    public string? Reason { get; set; }

    /// <summary>The version of the organisation the form was filled in from.</summary>
    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await admin.FindAsync(id) is not { } organisation) return NotFound();
        Organisation = organisation;
        Name = organisation.Name;
        Kind = organisation.Kind.ToString();
        CinReferralSourceCode = organisation.OwnCinReferralSourceCode;
        Version = organisation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        var result = await admin.ChangeAsync(id, Version, new OrganisationInput(Name, Kind, CinReferralSourceCode), Reason);
        if (result.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Success"] = $"{Name!.Trim()} changed";
            return RedirectToPage("/Admin/Organisations/Index");
        }
        Organisation = (await admin.FindAsync(id))!;
        if (result.Stale)
        {
            // Show what it is now; saving again (from the version now shown) replaces it with what was typed.
            ChangedMeanwhile = Organisation;
            Version = Organisation.Version;
        }
        ModelState.AddErrors(result);
        return this.PageWithErrors();
    }
}
