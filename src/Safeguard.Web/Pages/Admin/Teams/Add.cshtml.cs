using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Teams;

public sealed class AddModel(TeamAdministration admin) : PageModel
{
    [BindProperty, Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty, Display(Name = "Kind of team", Description = TeamFormOptions.KindHint)]
    public string? Kind { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await admin.AddAsync(new TeamInput(Name, Kind));
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return this.PageWithErrors();
        }
        TempData["Success"] = $"{Name!.Trim()} added";
        return RedirectToPage("/Admin/Teams/Index");
    }
}
