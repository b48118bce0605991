using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Passwords;
using Safeguard.Core.Security.Throttling;
using Safeguard.Core.Seeding;
using Safeguard.Core.Workforce;

using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Account;

public sealed class SignInModel(SignInManager<StaffUser> signIn, SafeguardDbContext db, Safeguard.Web.Infrastructure.SiteSettings site,
    SignInThrottling throttling)
    : PageModel
{
    public const string WrongDetails = "Enter a correct email address and password";
    public const string UnknownProvider = "Sign in with your email address and password, or choose one of the sign-in services shown";

    /// <summary>The longest email address an account can have (the Identity store's column).</summary>
    public const int MaxEmailLength = 256;

    [BindProperty]
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [BindProperty]
    [Display(Name = "Password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ShowDemoAccounts => site.IsDemo;

    public IReadOnlyList<DemoAccount> DemoAccountList => DemoAccounts.All;

    public IReadOnlyList<AuthenticationScheme> ExternalSchemes { get; private set; } = [];

    public async Task OnGetAsync() => ExternalSchemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalSchemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "Enter your email address");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter your password");
        if (!ModelState.IsValid) return Invalid();

        var email = SignInFailed.Bounded(Email!.Trim());
        // Before anything is looked up or checked: the same answer whether or not the account exists (SignInThrottling).
        var address = HttpContext.Connection.RemoteIpAddress;
        if (await throttling.WaitAsync(email, address) is { } wait)
        {
            await RecordFailureAsync(new SignInFailed(email, SignInRefusal.Throttled), null);
            ModelState.AddModelError(nameof(Email), SignInWaits.TooManyAttempts(wait));
            return Invalid();
        }
        // No account's address is longer than Identity's column: anything longer is a wrong address, not a lookup.
        var user = email.Length <= MaxEmailLength ? await signIn.UserManager.FindByEmailAsync(email) : null;
        if (user is { IsDisabled: true })
        {
            await RecordFailureAsync(new SignInFailed(email, SignInRefusal.AccountDisabled), user.Id);
            await throttling.RecordFailureAsync(email, address);
            ModelState.AddModelError(nameof(Email), WrongDetails);
            return Invalid();
        }

        // Failures earn waits (SignInThrottling), never Identity's lockout, which anyone could set off against anyone.
        var result = user is null
            ? UnknownAccount.Refused(signIn.UserManager.PasswordHasher, Password!)
            : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
        {
            // The password was right: its failures are forgotten; wrong codes have Identity's lockout at the next step.
            await throttling.RecordSuccessAsync(email);
            return RedirectToPage("/Account/TwoFactorSignIn", new { ReturnUrl });
        }
        if (result.Succeeded && await RetiredOrganisationAsync(user!) is { } retired)
        {
            await signIn.SignOutAsync();
            await RecordFailureAsync(new SignInFailed(email, SignInRefusal.OrganisationRetired, Organisation: retired), user!.Id);
            ModelState.AddModelError(nameof(Email), RetiredOrganisation(retired));
            return Invalid();
        }
        if (result.Succeeded)
        {
            await throttling.RecordSuccessAsync(email);
            db.Record(new SignedIn(user!.Id, user.DisplayName), subjectType: nameof(StaffUser), subjectId: user.Id,
                actor: new Actor(user.Id, user.DisplayName, user.OrganisationId));
            await db.SaveChangesAsync();
            var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
            return user.MustChangePassword ? LocalRedirect(MustChangePasswordGate.ChangePage(next)) : LocalRedirect(next);
        }

        await RecordFailureAsync(new SignInFailed(email, SignInRefusal.WrongEmailOrPassword), user?.Id);
        await throttling.RecordFailureAsync(email, address);
        ModelState.AddModelError(nameof(Email), WrongDetails);
        return Invalid();
    }

    /// <summary>Starts sign-in with the council's identity provider; a scheme that is not one of them is a bad request.</summary>
    public async Task<IActionResult> OnPostExternalAsync(string? scheme)
    {
        ExternalSchemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();
        if (ExternalSchemes.FirstOrDefault(s => s.Name == scheme) is not { } offered)
        {
            ModelState.AddModelError(nameof(Email), UnknownProvider);
            return Invalid();
        }
        var redirect = Url.Page("/Account/ExternalCallback", new { ReturnUrl });
        var properties = signIn.ConfigureExternalAuthenticationProperties(offered.Name, redirect);
        return Challenge(properties, offered.Name);
    }

    public static string RetiredOrganisation(string organisation) =>
        $"{organisation} has been retired in Safeguard, so its accounts can no longer sign in or make referrals. Contact the council's front door";

    /// <summary>The name of the user's organisation when it is retired (its people can no longer refer).</summary>
    private Task<string?> RetiredOrganisationAsync(StaffUser user) =>
        db.Organisations.Where(o => o.Id == user.OrganisationId && o.RetiredAt != null).Select(o => o.Name).FirstOrDefaultAsync();

    private async Task RecordFailureAsync(SignInFailed failure, Guid? userId)
    {
        db.Record(failure, subjectType: nameof(StaffUser), subjectId: userId);
        await db.SaveChangesAsync();
    }

    private PageResult Invalid()
    {
        Password = null;
        return this.PageWithErrors();
    }
}
