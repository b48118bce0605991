using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Teams;

/// <summary>Rename a team or change its kind. A stale save keeps what was typed.</summary>
public sealed class EditModel(TeamAdministration admin) : PageModel
{
    public TeamLine Team { get; private set; } = default!;

    /// <summary>Set when someone else saved a change while this form was open: what it is now.</summary>
    public TeamLine? ChangedMeanwhile { get; private set; }

    [BindProperty, Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty, Display(Name = "Kind of team", Description = TeamFormOptions.KindHint)]
    public string? Kind { get; set; }

    [BindProperty, Display(Name = "Reason for the change")]
    public string? Reason { get; set; }

    /// <summary>The version of the team the form was filled in from.</summary>
    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await admin.FindAsync(id) is not { } team) return NotFound();
        Team = team;
        Name = team.Name;
        Kind = team.Kind.ToString();
        Version = team.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        var result = await admin.ChangeAsync(id, Version, new TeamInput(Name, Kind), Reason);
        if (result.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Success"] = $"{Name!.Trim()} changed";
            return RedirectToPage("/Admin/Teams/Index");
        }
        Team = (await admin.FindAsync(id))!;
        if (result.Stale)
        {
            // Show what it is now; saving again (from the version now shown) replaces it with what was typed.
            ChangedMeanwhile = Team;
            Version = Team.Version;
        }
        ModelState.AddErrors(result);
        return this.PageWithErrors();
    }
}
