using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Passwords;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>
/// An administrator resets someone's two-factor sign-in after they lose their phone: key and recovery codes removed,
/// sessions ended, set up again at the next sign-in. Nothing on the page is edited but the reason, and a second reset
/// does the same as the first, so there is no version to check.
/// </summary>
public sealed class TwoFactorModel(UserAdministration admin, TwoFactorResets resets, SafeguardDbContext db) : PageModel
{
    public UserLine Account { get; private set; } = default!;

    public bool TwoFactorOn { get; private set; }

    [BindProperty, Display(Name = "Reason for the reset")]
    public string? Reason { get; set; }

    /// <summary>The account is the one signed in: another administrator must reset it.</summary>
    public bool IsOwnAccount => Account.Id == User.UserIdOrEmpty();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter the reason for the reset");
        else if (Reason.Length > 1000) ModelState.AddModelError(nameof(Reason), "Reason must be 1000 characters or fewer");
        if (!ModelState.IsValid) return this.PageWithErrors();

        switch (await resets.ResetAsync(id, Reason!.Trim()))
        {
            case TwoFactorResetOutcome.NoSuchAccount:
                return NotFound();
            case TwoFactorResetOutcome.OwnAccount:
                ModelState.AddModelError(nameof(Reason), SelfAdministrationRule.Refusal);
                return this.PageWithErrors();
        }
        TempData["Success"] = $"Two-factor sign-in reset for {Account.DisplayName}: anywhere they were signed in, they are signed out";
        return RedirectToPage("/Admin/Users/Index");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await admin.FindAsync(id) is not { } account) return false;
        Account = account;
        TwoFactorOn = await db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync();
        return true;
    }
}
