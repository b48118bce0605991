using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Admin.Staff;

/// <summary>A member of staff's training, each current, expiring or expired, and adding a course they completed.</summary>
public sealed class TrainingModel(StaffRecords records, TimeProvider time) : PageModel
{
    public StaffRecord Staff { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    [BindProperty, Display(Name = "Training")]
    public string? Kind { get; set; }

    [BindProperty, Display(Name = "Date completed", Description = "For example, 14 1 2026")]
    public GovUkDate CompletedOn { get; set; } = new();

    [BindProperty, Display(Name = "Expiry date (if it expires)", Description = "The training is current up to and including this day")]
    public GovUkDate ExpiresOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        var kind = StaffForm.Parse<TrainingKind>(Kind);
        var completed = TypedFields.Date(ModelState, nameof(CompletedOn), "Date completed", CompletedOn, required: true);
        var expires = TypedFields.Date(ModelState, nameof(ExpiresOn), "Expiry date", ExpiresOn);
        if (!ModelState.IsValid)
        {
            TypedFields.AddErrors(ModelState, records.CheckTraining(kind, completed, expires));
            return this.PageWithErrors();
        }
        var result = await records.AddTrainingAsync(id, kind, completed, expires);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            TypedFields.AddErrors(ModelState, result.Errors);
            return this.PageWithErrors();
        }
        TempData["Success"] = $"{kind!.Value.Words()} added to {Staff.Name}'s training";
        return RedirectToPage("/Admin/Staff/Training", new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await records.FindAsync(id) is not { } staff) return false;
        Staff = staff;
        Today = Core.Timescales.TimeLimits.UkDay(time.GetUtcNow());
        return true;
    }
}
