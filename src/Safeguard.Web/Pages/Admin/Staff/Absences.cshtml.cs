using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Admin.Staff;

/// <summary>A member of staff's absences (shown to a manager choosing who to allocate a case to), and adding one.</summary>
public sealed class AbsencesModel(StaffRecords records) : PageModel
{
    public StaffRecord Staff { get; private set; } = default!;

    [BindProperty, Display(Name = "Kind of absence")]
    public string? Kind { get; set; }

    [BindProperty, Display(Name = "First day away", Description = "For example, 6 4 2026")]
    public GovUkDate From { get; set; } = new();

    [BindProperty, Display(Name = "Last day away")]
    public GovUkDate To { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        var kind = StaffForm.Parse<AbsenceKind>(Kind);
        var from = TypedFields.Date(ModelState, nameof(From), "First day away", From, required: true);
        var to = TypedFields.Date(ModelState, nameof(To), "Last day away", To, required: true);
        if (!ModelState.IsValid)
        {
            TypedFields.AddErrors(ModelState, StaffRecords.CheckAbsence(kind, from, to));
            return this.PageWithErrors();
        }
        var result = await records.AddAbsenceAsync(id, kind, from, to);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            TypedFields.AddErrors(ModelState, result.Errors);
            return this.PageWithErrors();
        }
        TempData["Success"] = $"{kind!.Value.Words()} added for {Staff.Name}";
        return RedirectToPage("/Admin/Staff/Absences", new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await records.FindAsync(id) is not { } staff) return false;
        Staff = staff;
        return true;
    }
}
