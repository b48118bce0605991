using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Teams;

/// <summary>Retire an active team (refused while it owns open work), or reinstate a retired one.</summary>
public sealed class RetireModel(TeamAdministration admin) : PageModel
{
    public TeamLine Team { get; private set; } = default!;

    public bool ChangedMeanwhile { get; private set; }

    [BindProperty, Display(Name = "Reason")]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await admin.FindAsync(id) is not { } team) return NotFound();
        Team = team;
        Version = team.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        if (await admin.FindAsync(id) is not { } team) return NotFound();
        // What the form offered follows the version it was filled in from, not what it is now.
        var retiring = Request.Form["Action"] != "reinstate";
        var result = retiring ? await admin.RetireAsync(id, Version, Reason) : await admin.ReinstateAsync(id, Version, Reason);
        if (result.Succeeded)
        {
            TempData["Success"] = retiring ? $"{team.Name} retired: it gets no new work" : $"{team.Name} reinstated";
            return RedirectToPage("/Admin/Teams/Index");
        }
        Team = (await admin.FindAsync(id))!;
        if (result.Stale)
        {
            ChangedMeanwhile = true;
            Version = Team.Version;
        }
        ModelState.AddErrors(result);
        return this.PageWithErrors();
    }
}
