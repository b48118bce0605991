using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Users;

public sealed class EditModel(UserAdministration admin, SafeguardDbContext db) : PageModel
{
    public UserLine Account { get; private set; } = default!;
    public UserFormOptions Options { get; private set; } = default!;

    [BindProperty, Display(Name = "Roles")]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty, Display(Name = "Team")]
    public Guid? TeamId { get; set; }

    [BindProperty, Display(Name = "Partner organisation")]
    public Guid? OrganisationId { get; set; }

    [BindProperty, Display(Name = "Account status")]
    public string? Status { get; set; }

    [BindProperty, Display(Name = "Reason for the change")]
    public string? Reason { get; set; }

    /// <summary>The account is the one signed in: the page says another administrator must change it.</summary>
    public bool IsOwnAccount => Account.Id == User.UserIdOrEmpty();

    public static readonly IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> StatusItems =
        [new("Active", "active"), new("Disabled: cannot sign in", "disabled")];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        SelectedRoles = Account.Roles.ToList();
        TeamId = Account.TeamId;
        OrganisationId = Account.OrganisationId;
        Status = Account.IsDisabled ? "disabled" : "active";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        Options.CheckAccess(ModelState, SelectedRoles, TeamId, OrganisationId);
        if (Status is not ("active" or "disabled")) ModelState.AddModelError(nameof(Status), "Select whether the account is active or disabled");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter the reason for the change");
        else if (Reason.Length > 1000) ModelState.AddModelError(nameof(Reason), "Reason must be 1000 characters or fewer");
        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        var result = await admin.ChangeAsync(id, new UserChange(SelectedRoles, TeamId, OrganisationId, Status == "disabled"), Reason!.Trim());
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field switch
                {
                    nameof(UserChange.IsDisabled) => nameof(Status),
                    nameof(UserChange.Roles) => nameof(SelectedRoles),
                    _ => field,
                }, message);
            }
            return this.PageWithErrors();
        }
        TempData["Success"] = $"Account of {Account.DisplayName} changed";
        return RedirectToPage("/Admin/Users/Index");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var account = await admin.FindAsync(id);
        if (account is null) return false;
        Account = account;
        Options = await new UserFormOptions(db).LoadAsync(account.TeamId, account.OrganisationId);
        return true;
    }
}
