using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Escalations;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Escalations.Raise;

/// <summary>
/// Raising a concern about practice or procedure with the director or a delegate (docs/escalations.md): for any member
/// of staff. Who may read it is the raiser's choice (their line manager or not); it may name a child they work with.
/// </summary>
public sealed class IndexModel(EscalationRecords escalations) : PageModel
{
    [BindProperty]
    [Display(Name = "Who do you want to raise this with?")]
    public Guid? AnswererId { get; set; }

    [BindProperty]
    [Display(Name = "What is your concern about?", Description = "A short title, for example \"Strategy discussions held without health\". You can enter up to 120 characters.")]
    public string? Subject { get; set; }

    [BindProperty]
    [Display(Name = "Your concern", Description = "What happens, why it worries you and what you think should change. You can enter up to 4,000 characters.")]
    public string? Concern { get; set; }

    [BindProperty]
    [Display(Name = "Can your line manager see this concern?", Description = "Nobody else in your team will see it.")]
    public string? ShareWithManager { get; set; }

    [BindProperty]
    [Display(Name = "Is it about a child you work with? (optional)", Description = "Then only people who may see the child's record can read it.")]
    public Guid? ChildId { get; set; }

    public IReadOnlyList<SelectListItem> Answerers { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Children { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> ShareItems { get; } =
        [new("Yes, my line manager can see it and the answer", "Yes"), new("No, only I and the person I raise it with", "No")];

    public async Task OnGetAsync(Guid? child)
    {
        ChildId = child;
        await LoadAsync();
        if (Answerers.Count > 0) AnswererId ??= Guid.Parse(Answerers[0].Value);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var share = ShareWithManager switch { "Yes" => true, "No" => (bool?)false, _ => null };
        var result = await escalations.RaiseAsync(new EscalationInput(AnswererId, Subject, Concern, share, ChildId));
        if (result.Outcome == EscalationChange.Done)
        {
            TempData["Success"] = "Your concern has been raised. You will be told when it is answered.";
            return Redirect($"/escalations/{result.Id}");
        }
        foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
        await LoadAsync();
        return this.PageWithErrors();
    }

    private async Task LoadAsync()
    {
        Answerers = (await escalations.AnswerersAsync())
            .Select(a => new SelectListItem(a.IsDirector ? $"{a.Name}, {a.JobTitle ?? "Director"}" : $"{a.Name}, {a.JobTitle ?? "delegate"} (named by the director)", a.Id.ToString()))
            .ToList();
        var children = await escalations.MyChildrenAsync();
        Children = [new SelectListItem("No, it is not about one child", ""), .. children.Select(c => new SelectListItem(c.Name, c.Id.ToString()))];
        // A child given in the link but not among theirs stays chosen; the service checks they may see them.
        if (ChildId is { } chosen && children.All(c => c.Id != chosen)) Children = [.. Children, new SelectListItem("The child you came from", chosen.ToString())];
    }
}
