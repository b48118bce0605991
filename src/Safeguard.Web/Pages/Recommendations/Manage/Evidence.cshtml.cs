using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Recommendations;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Recommendations.Manage;

/// <summary>Adding evidence that an action was done, with an optional link to a child's record or another Safeguard page.</summary>
public sealed class EvidenceModel(Core.Recommendations.Recommendations recommendations, RecommendationViews views) : RecommendationChildPage(views)
{
    [BindProperty]
    [Display(Name = "Which action is this evidence for?")]
    public Guid? ActionId { get; set; }

    [BindProperty]
    [Display(Name = "Evidence", Description = "What shows the action was done: a document, a meeting, an audit's findings")]
    public string? Text { get; set; }

    [BindProperty]
    [Display(Name = "Link (optional)", Description = "A child's record number, or the address of a Safeguard page, for example /children/… or /oversight/backlog")]
    public string? Link { get; set; }

    public IReadOnlyList<SelectListItem> ActionItems =>
        Recommendation.Actions.Select(a => new SelectListItem($"{a.Number}. {a.Text}", a.Id.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? action)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = Recommendation.Version;
        ActionId = action ?? (Recommendation.Actions.Count == 1 ? Recommendation.Actions[0].Id : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        var result = await recommendations.AddEvidenceAsync(id, Version, new EvidenceInput(ActionId, Text, Link), User.UserId() ?? Guid.Empty);
        return await AnswerAsync(id, result, "Evidence added");
    }
}
