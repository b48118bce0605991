using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Audit;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Admin.Staff;

/// <summary>
/// A member of staff's record: registration, qualification, employment and leaving date, hours and line manager. The
/// form carries the record's concurrency stamp: a save after someone else's is refused (409) with what changed, and
/// what was typed is kept.
/// </summary>
public sealed class EditModel(StaffRecords records) : PageModel
{
    public StaffRecord Staff { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Managers { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Changes someone else saved since the form was made; shown when a save was refused.</summary>
    public IReadOnlyList<ChangeSeen>? ChangedElsewhere { get; private set; }

    [BindProperty, Display(Name = "Social Work England registration number", Description = "For example, SW123456")]
    public string? RegistrationNumber { get; set; }

    [BindProperty, Display(Name = "Registration renewal date", Description = "For example, 30 11 2027")]
    public GovUkDate RegistrationRenewsOn { get; set; } = new();

    [BindProperty, Display(Name = "Qualified social worker")]
    public string? Qualified { get; set; }

    [BindProperty, Display(Name = "First day in practice as a qualified social worker",
        Description = "Their first year is newly qualified: a protected caseload, and no child protection or court work")]
    public GovUkDate PracticeStartedOn { get; set; } = new();

    [BindProperty, Display(Name = "Employment")]
    public string? Employment { get; set; }

    [BindProperty, Display(Name = "Employment start date")]
    public GovUkDate EmploymentStartsOn { get; set; } = new();

    [BindProperty, Display(Name = "Leaving date",
        Description = "Their cases go on the team tray for reallocation, due by the end of the working day before")]
    public GovUkDate EmploymentEndsOn { get; set; } = new();

    [BindProperty, Display(Name = "Full-time equivalent", Description = "From 0.1 to 1.0, where 1.0 is full time")]
    public string? FullTimeEquivalent { get; set; }

    [BindProperty, Display(Name = "Line manager")]
    public Guid? ManagerId { get; set; }

    [BindProperty, Display(Name = "Reason for the change (optional)")]
    public string? Reason { get; set; }

    /// <summary>The record's concurrency stamp when the form was made.</summary>
    [BindProperty]
    public string Stamp { get; set; } = "";

    /// <summary>The last event about the record when the form was made.</summary>
    [BindProperty]
    public long Seen { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id, freshForm: true)) return NotFound();
        var s = Staff;
        RegistrationNumber = s.RegistrationNumber;
        RegistrationRenewsOn = GovUkDate.From(s.RegistrationRenewsOn);
        Qualified = s.IsQualified ? "yes" : "no";
        PracticeStartedOn = GovUkDate.From(s.PracticeStartedOn);
        Employment = s.Employment?.ToString() ?? "None";
        EmploymentStartsOn = GovUkDate.From(s.EmploymentStartsOn);
        EmploymentEndsOn = GovUkDate.From(s.EmploymentEndsOn);
        FullTimeEquivalent = s.FullTimeEquivalent.ToString("0.0#", CultureInfo.InvariantCulture);
        ManagerId = s.ManagerId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id, freshForm: false)) return NotFound();
        ModelState.Clear();
        var change = Read();
        if (!ModelState.IsValid)
        {
            TypedFields.AddErrors(ModelState, await records.CheckAsync(id, change, RegistrationNumber, Staff.EmploymentEndsOn, Reason));
            return this.PageWithErrors();
        }

        var result = await records.ChangeAsync(id, Stamp, change, Reason);
        if (result.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Success"] = $"Staff record of {Staff.Name} saved";
            return RedirectToPage("/Admin/Staff/Edit", new { id });
        }
        if (result.Stale)
        {
            ChangedElsewhere = await records.ChangedSinceAsync(id, Seen);
            await LoadAsync(id, freshForm: true);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TypedFields.AddErrors(ModelState, result.Errors);
        return this.PageWithErrors();
    }

    private StaffRecordChange Read()
    {
        if (Qualified is not ("yes" or "no")) ModelState.AddModelError(nameof(Qualified), "Select whether they are a qualified social worker");
        if (Employment is not null && Employment != "None" && StaffForm.Parse<EmploymentKind>(Employment) is null)
            ModelState.AddModelError(nameof(Employment), "Select permanent, agency or neither");
        double? fte = double.TryParse(FullTimeEquivalent?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var f) ? f : null;
        return new StaffRecordChange(
            RegistrationNumber,
            TypedFields.Date(ModelState, nameof(RegistrationRenewsOn), "Registration renewal date", RegistrationRenewsOn),
            Qualified == "yes",
            TypedFields.Date(ModelState, nameof(PracticeStartedOn), "First day in practice", PracticeStartedOn),
            StaffForm.Parse<EmploymentKind>(Employment),
            TypedFields.Date(ModelState, nameof(EmploymentStartsOn), "Employment start date", EmploymentStartsOn),
            TypedFields.Date(ModelState, nameof(EmploymentEndsOn), "Leaving date", EmploymentEndsOn),
            fte,
            ManagerId);
    }

    private async Task<bool> LoadAsync(Guid id, bool freshForm)
    {
        if (await records.FindAsync(id) is not { } staff) return false;
        Staff = staff;
        Today = Core.Timescales.TimeLimits.UkDay(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        Managers = [new SelectListItem("No line manager", ""), .. (await records.ManagersAsync(id))
            .Select(m => new SelectListItem(m.TeamName is null ? m.Name : $"{m.Name} ({m.TeamName})", m.Id.ToString()))];
        if (freshForm)
        {
            Stamp = staff.ConcurrencyStamp;
            Seen = await records.MarkAsync(id);
        }
        return true;
    }
}
