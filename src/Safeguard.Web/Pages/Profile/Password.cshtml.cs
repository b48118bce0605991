using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Security;
using Safeguard.Core.Passwords;
using Safeguard.Core.Security.Throttling;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Profile;

/// <summary>
/// A signed-in person changes their own password (any signed-in person: the fallback rule). Afterwards every other session
/// of theirs has ended and this one goes on as a new one. Wrong current passwords count towards the sign-in waits, so the
/// page is no way round them for someone holding a stolen session.
/// </summary>
public sealed class PasswordModel(PasswordChanges passwords, SignInThrottling throttling, SignInManager<StaffUser> signIn) : PageModel
{
    public const string Changed = "Your password has been changed";
    /// <summary>Passwords are hashed whole, so anything longer is refused before any work is done on it.</summary>
    public const int MaxLength = 256;

    [BindProperty, Display(Name = "Current password")]
    public string? CurrentPassword { get; set; }

    [BindProperty, Display(Name = "New password")]
    public string? NewPassword { get; set; }

    [BindProperty, Display(Name = "Confirm new password")]
    public string? ConfirmPassword { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The administrator set the password: say why the person is here.</summary>
    public bool MustChange => User.HasClaim(SafeguardClaims.MustChangePassword, "true");

    public static string NewPasswordHint =>
        $"At least {IdentityPolicy.MinimumPasswordLength} characters. Three random words make a good password. Do not use your name or a password you use elsewhere";

    /// <summary>Where "Continue" goes after the change: where the person was going, or the home page.</summary>
    public string Continue => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(CurrentPassword)) ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password");
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError(nameof(NewPassword), "Enter a new password");
        else if (NewPassword.Length > MaxLength) ModelState.AddModelError(nameof(NewPassword), $"New password must be {MaxLength} characters or fewer");
        else if (NewPassword != ConfirmPassword) ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match: enter the new password again");
        if (!ModelState.IsValid) return Invalid();

        var userId = User.UserIdOrEmpty();
        var email = User.Identity?.Name ?? userId.ToString();
        var address = HttpContext.Connection.RemoteIpAddress;
        if (await throttling.WaitAsync(email, address, ct) is { } wait)
        {
            ModelState.AddModelError(nameof(CurrentPassword), SignInWaits.TooManyAttempts(wait));
            return Invalid();
        }

        var result = await passwords.ChangeAsync(userId, CurrentPassword!, NewPassword!, ct);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Field == PasswordChanges.CurrentField)) await throttling.RecordFailureAsync(email, address, ct);
            foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
            return Invalid();
        }

        // Every session of the person ended with the change: this one goes on as a new session, with the new security stamp.
        var user = await signIn.UserManager.FindByIdAsync(userId.ToString());
        await signIn.SignInAsync(user!, isPersistent: false);
        TempData["Success"] = Changed;
        return RedirectToPage(new { ReturnUrl = Continue });
    }

    /// <summary>The form again with its errors; no password typed is ever sent back to the browser.</summary>
    private PageResult Invalid()
    {
        CurrentPassword = NewPassword = ConfirmPassword = null;
        foreach (var key in new[] { nameof(CurrentPassword), nameof(NewPassword), nameof(ConfirmPassword) })
        {
            if (ModelState.TryGetValue(key, out var entry)) entry.RawValue = entry.AttemptedValue = null;
        }
        return this.PageWithErrors();
    }
}
