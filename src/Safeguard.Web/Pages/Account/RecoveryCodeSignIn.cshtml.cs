using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Audit;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Account;

/// <summary>After a right password, one of the recovery codes shown at set-up instead of the app's code. Each works once.</summary>
public sealed class RecoveryCodeSignInModel(SignInManager<StaffUser> signIn, SecondFactorStep step) : PageModel
{
    public const string EnterCode = "Enter one of your recovery codes";
    public const string WrongCode = "The recovery code is not right, or has been used. Each code works once";

    [BindProperty]
    [Display(Name = "Recovery code")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await step.WaitingUserAsync() is null ? RedirectToPage("/Account/SignIn", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await step.WaitingUserAsync() is not { } user) return RedirectToPage("/Account/SignIn", new { ReturnUrl });
        var code = (Code ?? "").Replace(" ", "").Trim();
        if (code.Length == 0) return Invalid(EnterCode);

        var result = code.Length > SecondFactorStep.MaxCodeLength
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            step.Record(new RecoveryCodeUsed(user.Id, user.DisplayName, await signIn.UserManager.CountRecoveryCodesAsync(user)), user);
            if (await step.CompleteAsync(user) is { } refusal) return Invalid(refusal);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        await step.RecordFailureAsync(user, SecondFactor.RecoveryCode, result.IsLockedOut);
        return Invalid(result.IsLockedOut ? SecondFactorStep.LockedOut : WrongCode);
    }

    private PageResult Invalid(string error)
    {
        ModelState.AddModelError(nameof(Code), error);
        return this.PageWithErrors();
    }
}
