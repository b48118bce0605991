using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Drafts;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Drafts;

/// <summary>
/// Saves (or discards) the signed-in person's draft of a long form (docs/drafts.md). The form's script posts here as
/// they type and is answered 204; the "Save draft" and "Discard draft" buttons post here without JavaScript and are sent
/// back to the form.
/// </summary>
public sealed class IndexModel(FormDrafts drafts) : PageModel
{
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase) { "__RequestVerificationToken", "form", "handler" };

    public async Task<IActionResult> OnPostAsync([FromQuery] string? form)
    {
        if (User.UserId() is not { } user) return Forbid();
        var fields = Request.Form.Where(f => !NotKept.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray());
        return await drafts.SaveAsync(user, form ?? "", fields) switch
        {
            DraftSave.NotAForm => Refused("Not a form", "Drafts are kept for this site's forms only."),
            DraftSave.TooLong when WantsJson => Refused("Draft too long", "The draft is too long to keep; save the form itself."),
            DraftSave.TooLong => TooLongPage(form!),
            _ => Answered(form!, "saved"),
        };
    }

    public async Task<IActionResult> OnPostDiscardAsync([FromQuery] string? form)
    {
        if (User.UserId() is not { } user) return Forbid();
        if (!FormDrafts.IsForm(form)) return Refused("Not a form", "Drafts are kept for this site's forms only.");
        await drafts.DiscardAsync(user, form!);
        return Answered(form!, "discarded");
    }

    /// <summary>Where "Save draft" was pressed without JavaScript, the form to go back to.</summary>
    public string? BackTo { get; private set; }

    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private IActionResult Answered(string form, string what) => WantsJson ? new NoContentResult() : LocalRedirect($"{form}?draft={what}");

    /// <summary>"Save draft" pressed without JavaScript on a form too long to keep: a page saying so, not a problem document.</summary>
    private PageResult TooLongPage(string form)
    {
        ModelState.AddModelError("", "The draft is too long to keep. Go back to the form and save the form itself.");
        BackTo = form;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static ObjectResult Refused(string title, string detail) =>
        new(new ProblemDetails { Title = title, Detail = detail, Status = StatusCodes.Status400BadRequest }) { StatusCode = StatusCodes.Status400BadRequest };
}
