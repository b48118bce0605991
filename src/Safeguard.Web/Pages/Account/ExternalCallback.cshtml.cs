using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Account;

/// <summary>
/// Returns from the council's identity provider. The provider must say the email address is verified; the identity
/// must then belong to an enabled local account (linked before, or matched by that verified email address), whose
/// organisation is not retired. Roles and permissions always come from the local account.
/// </summary>
public sealed class ExternalCallbackModel(SignInManager<StaffUser> signIn, SafeguardDbContext db) : PageModel
{
    public const string DidNotComplete = "Sign-in with your council account did not complete. Try again.";
    public const string EmailNotVerified =
        "Your council account does not show that your email address has been verified, so Safeguard cannot tell that it is yours. Ask your council's IT service desk to verify it, then try again.";
    public const string NoAccount = "There is no Safeguard account for you. Ask your system administrator to add one.";
    public const string AccountDisabled = "Your Safeguard account is disabled. Ask your system administrator if you need it again.";

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return Refuse(DidNotComplete);
        // The external cookie has done its work: whatever the outcome, it must not outlive this request.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);

        var email = info.Principal.FindFirstValue(ClaimTypes.Email);
        var account = email ?? info.Principal.Identity?.Name ?? info.ProviderKey;
        // An unverified address could be anyone's: it neither matches nor signs in a linked account.
        if (!ExternalSignIn.HasVerifiedEmail(info.Principal))
        {
            return await RefuseAndRecordAsync(new SignInFailed(account, SignInRefusal.EmailNotVerified, info.LoginProvider), null, EmailNotVerified);
        }

        var users = signIn.UserManager;
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null && email is { Length: > 0 })
        {
            user = await users.FindByEmailAsync(email);
            if (user is { IsDisabled: false }) await users.AddLoginAsync(user, info);
        }
        if (user is null)
        {
            return await RefuseAndRecordAsync(new SignInFailed(account, SignInRefusal.NoAccount, info.LoginProvider), null, NoAccount);
        }
        if (user.IsDisabled)
        {
            return await RefuseAndRecordAsync(new SignInFailed(account, SignInRefusal.AccountDisabled, info.LoginProvider), user.Id, AccountDisabled);
        }
        if (await RetiredOrganisationAsync(user) is { } retired)
        {
            return await RefuseAndRecordAsync(new SignInFailed(account, SignInRefusal.OrganisationRetired, info.LoginProvider, retired), user.Id,
                SignInModel.RetiredOrganisation(retired));
        }

        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        db.Record(new SignedIn(user.Id, user.DisplayName, info.ProviderDisplayName ?? info.LoginProvider),
            subjectType: nameof(StaffUser), subjectId: user.Id, actor: new Actor(user.Id, user.DisplayName, user.OrganisationId));
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    private Task<string?> RetiredOrganisationAsync(StaffUser user) =>
        db.Organisations.Where(o => o.Id == user.OrganisationId && o.RetiredAt != null).Select(o => o.Name).FirstOrDefaultAsync();

    private async Task<IActionResult> RefuseAndRecordAsync(SignInFailed failure, Guid? userId, string problem)
    {
        db.Record(failure, subjectType: userId is null ? null : nameof(StaffUser), subjectId: userId);
        await db.SaveChangesAsync();
        return Refuse(problem);
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }
}
