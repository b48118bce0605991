using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Organisations;

public sealed class AddModel(OrganisationAdministration admin) : PageModel
{
    [BindProperty, Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty, Display(Name = "Kind of organisation")]
    public string? Kind { get; set; }

    [BindProperty, Display(Name = "CIN referral source code", Description = OrganisationFormOptions.CodeHint)]
    public string? CinReferralSourceCode { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await admin.AddAsync(new OrganisationInput(Name, Kind, CinReferralSourceCode));
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return this.PageWithErrors();
        }
        TempData["Success"] = $"{Name!.Trim()} added";
        return RedirectToPage("/Admin/Organisations/Index");
    }
}
