using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;

using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Users;

public sealed class AddModel(UserAdministration admin, SafeguardDbContext db) : PageModel
{
    [BindProperty, Display(Name = "Full name")]
    public string? DisplayName { get; set; }

    [BindProperty, Display(Name = "Email address")]
    public string? Email { get; set; }

    [BindProperty, Display(Name = "Job title")]
    public string? JobTitle { get; set; }

    [BindProperty, Display(Name = "Roles")]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty, Display(Name = "Team")]
    public Guid? TeamId { get; set; }

    [BindProperty, Display(Name = "Partner organisation")]
    public Guid? OrganisationId { get; set; }

    [BindProperty, Display(Name = "Temporary password", Description = "At least 12 characters. Ask the user to change it when they first sign in.")]
    public string? Password { get; set; }

    public UserFormOptions Options { get; private set; } = default!;

    public async Task OnGetAsync() => Options = await new UserFormOptions(db).LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Options = await new UserFormOptions(db).LoadAsync();
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(DisplayName)) ModelState.AddModelError(nameof(DisplayName), "Enter the user's full name");
        else if (DisplayName.Length > 200) ModelState.AddModelError(nameof(DisplayName), "Full name must be 200 characters or fewer");
        if (string.IsNullOrWhiteSpace(Email) || !new EmailAddressAttribute().IsValid(Email) || Email.Length > 256)
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        if (JobTitle is { Length: > 200 }) ModelState.AddModelError(nameof(JobTitle), "Job title must be 200 characters or fewer");
        Options.CheckAccess(ModelState, SelectedRoles, TeamId, OrganisationId);
        if (SelectedRoles.Contains(Roles.PartnerReferrer) && OrganisationId is null)
            ModelState.AddModelError(nameof(OrganisationId), "Select the partner organisation this referrer works for");
        if (string.IsNullOrEmpty(Password) || Password.Length < IdentityPolicy.MinimumPasswordLength)
            ModelState.AddModelError(nameof(Password), $"Password must be {IdentityPolicy.MinimumPasswordLength} characters or more");
        if (!ModelState.IsValid) return Invalid();

        var result = await admin.AddAsync(new NewUser(DisplayName!.Trim(), Email!.Trim(), Password!, SelectedRoles, TeamId, OrganisationId, JobTitle?.Trim()));
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field == nameof(NewUser.Roles) ? nameof(SelectedRoles) : field, message);
            }
            return Invalid();
        }
        TempData["Success"] = $"Account added for {DisplayName}";
        return RedirectToPage("/Admin/Users/Index");
    }

    private PageResult Invalid()
    {
        Password = null;
        return this.PageWithErrors();
    }
}
