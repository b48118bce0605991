using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Passwords;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>
/// An administrator sets a new password for someone who has lost theirs: it must be changed at their next sign-in, and
/// their open sessions end now.
/// </summary>
public sealed class PasswordModel(UserAdministration admin, PasswordChanges passwords) : PageModel
{
    public UserLine Account { get; private set; } = default!;

    [BindProperty, Display(Name = "New password")]
    public string? NewPassword { get; set; }

    [BindProperty, Display(Name = "Reason for the change")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError(nameof(NewPassword), "Enter a new password");
        else if (NewPassword.Length > Profile.PasswordModel.MaxLength)
            ModelState.AddModelError(nameof(NewPassword), $"New password must be {Profile.PasswordModel.MaxLength} characters or fewer");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter the reason for the change");
        else if (Reason.Length > 1000) ModelState.AddModelError(nameof(Reason), "Reason must be 1000 characters or fewer");
        if (ModelState.IsValid)
        {
            var result = await passwords.ResetAsync(id, NewPassword!, Reason!.Trim());
            if (result.Succeeded)
            {
                TempData["Success"] = $"New password set for {Account.DisplayName}: they must change it when they next sign in";
                return RedirectToPage("/Admin/Users/Index");
            }
            foreach (var (_, message) in result.Errors) ModelState.AddModelError(nameof(NewPassword), message);
        }
        NewPassword = null;
        if (ModelState.TryGetValue(nameof(NewPassword), out var entry)) entry.RawValue = entry.AttemptedValue = null;
        return this.PageWithErrors();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await admin.FindAsync(id) is not { } account) return false;
        Account = account;
        return true;
    }
}
