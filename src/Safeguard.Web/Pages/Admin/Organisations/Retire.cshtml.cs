using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Organisations;

/// <summary>Retire an active organisation, or reinstate a retired one; the page offers whichever applies.</summary>
public sealed class RetireModel(OrganisationAdministration admin) : PageModel
{
    public OrganisationLine Organisation { get; private set; } = default!;

    public bool ChangedMeanwhile { get; private set; }

    [BindProperty, Display(Name = "Reason")]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await admin.FindAsync(id) is not { } organisation) return NotFound();
        Organisation = organisation;
        Version = organisation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        if (await admin.FindAsync(id) is not { } organisation) return NotFound();
        // What the form offered follows the version it was filled in from, not what it is now.
        var retiring = Request.Form["Action"] != "reinstate";
        var result = retiring ? await admin.RetireAsync(id, Version, Reason) : await admin.ReinstateAsync(id, Version, Reason);
        if (result.Succeeded)
        {
            TempData["Success"] = retiring ? $"{organisation.Name} retired: it can no longer refer" : $"{organisation.Name} reinstated";
            return RedirectToPage("/Admin/Organisations/Index");
        }
        Organisation = (await admin.FindAsync(id))!;
        if (result.Stale)
        {
            ChangedMeanwhile = true;
            Version = Organisation.Version;
        }
        ModelState.AddErrors(result);
        return this.PageWithErrors();
    }
}
