using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Pages.Account;

/// <summary>
/// Returns from the council's identity provider. The external identity must belong to an enabled local account
/// (linked before, or matched by email address); roles and permissions always come from the local account.
/// </summary>
public sealed class ExternalCallbackModel(SignInManager<StaffUser> signIn, SafeguardDbContext db) : PageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return Refuse("Sign-in with your council account did not complete. Try again.");

        var users = signIn.UserManager;
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null && info.Principal.FindFirstValue(ClaimTypes.Email) is { Length: > 0 } email)
        {
            user = await users.FindByEmailAsync(email);
            if (user is not null) await users.AddLoginAsync(user, info);
        }
        if (user is null || user.IsDisabled)
        {
            db.Record(new SignInFailed(info.Principal.Identity?.Name ?? info.ProviderKey,
                user is null ? SignInRefusal.NoAccount : SignInRefusal.AccountDisabled, info.LoginProvider),
                subjectType: user is null ? null : nameof(StaffUser), subjectId: user?.Id);
            await db.SaveChangesAsync();
            return Refuse("There is no Safeguard account for you. Ask your system administrator to add one.");
        }

        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        db.Record(new SignedIn(user.Id, user.DisplayName, info.ProviderDisplayName ?? info.LoginProvider),
            subjectType: nameof(StaffUser), subjectId: user.Id, actor: new Actor(user.Id, user.DisplayName, user.OrganisationId));
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }
}
