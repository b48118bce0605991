using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Audit;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Account;

/// <summary>After a right password, the code from the authenticator app. Every sign-in asks: no browser is remembered.</summary>
public sealed class TwoFactorSignInModel(SignInManager<StaffUser> signIn, SecondFactorStep step) : PageModel
{
    public const string EnterCode = "Enter the 6-digit code from your authenticator app";
    public const string CodeFormat = "The code must be 6 digits";
    public const string WrongCode = "The code is not right. Enter the code your authenticator app shows now";

    [BindProperty]
    [Display(Name = "Code from your authenticator app")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await step.WaitingUserAsync() is null ? RedirectToPage("/Account/SignIn", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await step.WaitingUserAsync() is not { } user) return RedirectToPage("/Account/SignIn", new { ReturnUrl });
        var code = SecondFactorStep.Normalise(Code ?? "");
        if (code.Length == 0) return Invalid(EnterCode);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)) return Invalid(CodeFormat);

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            if (await step.CompleteAsync(user) is { } refusal) return Invalid(refusal);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        await step.RecordFailureAsync(user, SecondFactor.AuthenticatorCode, result.IsLockedOut);
        return Invalid(result.IsLockedOut ? SecondFactorStep.LockedOut : WrongCode);
    }

    private PageResult Invalid(string error)
    {
        ModelState.AddModelError(nameof(Code), error);
        return this.PageWithErrors();
    }
}
