using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Pages.Account;

namespace Safeguard.Web.Pages.TwoFactor;

/// <summary>
/// Setting up two-factor sign-in with an authenticator app (a QR code or the key typed in, then the app's code), the 10
/// recovery codes shown once, new recovery codes, and turning it off where the setting does not require it.
/// </summary>
public sealed class IndexModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, SafeguardDbContext db,
    IOptions<TwoFactorSettings> settings) : PageModel
{
    public const int RecoveryCodeCount = 10;
    public const string EnterCode = TwoFactorSignInModel.EnterCode;
    public const string CodeFormat = TwoFactorSignInModel.CodeFormat;
    public const string WrongCode = "The code is not right. Check the app shows Safeguard and enter the code it shows now";
    public const string MustKeep = "Your role needs two-factor sign-in, so it cannot be turned off";

    [BindProperty]
    [Display(Name = "Code from your authenticator app")]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>Signed in only far enough to set it up (<see cref="TwoFactorGate"/>).</summary>
    public bool MustSetUpFirst => TwoFactorGate.IsGated(User);

    public bool MayTurnOff { get; private set; }

    public int CodesLeft { get; private set; }

    public string? QrCode { get; private set; }

    public string? Key { get; private set; }

    /// <summary>Recovery codes just made: shown in this response only, never again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Checks the app's first code against the key shown; on success turns two-factor sign-in on and shows the recovery codes.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage();
        var code = SecondFactorStep.Normalise(Code ?? "");
        var error = code.Length == 0 ? EnterCode
            : code.Length != 6 || !code.All(char.IsAsciiDigit) ? CodeFormat
            : !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code) ? WrongCode
            : null;
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Code), error);
            await LoadAsync(user);
            return this.PageWithErrors();
        }

        Record(new TwoFactorEnabled(user.Id, user.DisplayName), user);
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []).ToList();
        await signIn.ReissueCookieAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        Record(new RecoveryCodesRegenerated(user.Id, user.DisplayName), user);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []).ToList();
        await signIn.ReissueCookieAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        if (!TwoFactorGate.MayTurnOff(settings, await users.GetRolesAsync(user)))
        {
            ModelState.AddModelError(nameof(Code), MustKeep);
            await LoadAsync(user);
            return this.PageWithErrors();
        }
        Record(new TwoFactorDisabled(user.Id, user.DisplayName), user);
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so turning it on again means scanning again (and making new recovery codes).
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.ReissueCookieAsync(user);
        Done = "Two-factor sign-in is off";
        return RedirectToPage();
    }

    private void Record<T>(T happened, StaffUser user) where T : IEvent =>
        db.Record(happened, subjectType: nameof(StaffUser), subjectId: user.Id, actor: new Actor(user.Id, user.DisplayName, user.OrganisationId));

    private async Task LoadAsync(StaffUser user)
    {
        Enabled = user.TwoFactorEnabled;
        MayTurnOff = TwoFactorGate.MayTurnOff(settings, await users.GetRolesAsync(user));
        if (Enabled)
        {
            CodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // The reset changes the account's security stamp: the cookie is made again so this sign-in stays valid.
            await signIn.ReissueCookieAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        Key = AuthenticatorKey.Grouped(key);
        QrCode = AuthenticatorKey.QrCodeDataUri(AuthenticatorKey.OtpAuthUri(user.Email ?? user.UserName ?? user.DisplayName, key));
    }
}
