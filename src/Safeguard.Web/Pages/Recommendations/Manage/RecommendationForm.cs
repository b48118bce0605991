using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Recommendations;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Recommendations.Manage;

/// <summary>The fields of a recommendation, shared by adding one and changing one: what was typed is kept as typed.</summary>
public abstract class RecommendationForm(Core.Recommendations.Recommendations recommendations) : PageModel
{
    protected Core.Recommendations.Recommendations Service => recommendations;

    [BindProperty]
    [Display(Name = "Where did the recommendation come from?")]
    public RecommendationSource? Source { get; set; }

    [BindProperty]
    [Display(Name = "Name or reference of the review, inspection or audit", Description = "For example, CSPR Child T or ILACS March 2026")]
    public string? SourceName { get; set; }

    [BindProperty]
    [Display(Name = "Date of the review, inspection or audit", Description = "For example, 15 1 2026")]
    public GovUkDate SourceDate { get; set; } = new();

    [BindProperty]
    [Display(Name = "Recommendation")]
    public string? Text { get; set; }

    [BindProperty]
    [Display(Name = "Owner", Description = "The member of staff who will see it through")]
    public Guid? OwnerUserId { get; set; }

    [BindProperty]
    [Display(Name = "Due date", Description = "It is due by the end of this working day")]
    public GovUkDate DueOn { get; set; } = new();

    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> SourceItems { get; } =
        Enum.GetValues<RecommendationSource>().Select(s => new SelectListItem(s.Words(), s.ToString())).ToList();

    protected async Task LoadOwnersAsync() =>
        OwnerItems = [new SelectListItem("Choose the owner", ""), .. (await recommendations.OwnersAsync())
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == OwnerUserId))];

    /// <summary>What was typed, as the service checks it; dates that are not real dates are errors of their own.</summary>
    protected RecommendationInput Input()
    {
        ModelState.Clear();
        return new RecommendationInput(Source, SourceName, Date(SourceDate, nameof(SourceDate), "The date of the review, inspection or audit"), Text,
            OwnerUserId, Date(DueOn, nameof(DueOn), "The due date"));
    }

    protected void Fill(RecommendationDetail detail)
    {
        Source = detail.Line.Source;
        SourceName = detail.Line.SourceName;
        SourceDate = GovUkDate.From(detail.Line.SourceDate);
        Text = detail.Line.Text;
        OwnerUserId = detail.Line.OwnerUserId;
        DueOn = GovUkDate.From(detail.Line.DueOn);
    }

    protected void AddErrors(RecommendationResult result)
    {
        foreach (var (field, message) in result.Errors)
        {
            if (ModelState[field]?.Errors.Count is not > 0) ModelState.AddModelError(field, message);
        }
    }

    private DateOnly? Date(GovUkDate typed, string field, string what)
    {
        if (typed.TryGetDate(out var day)) return day;
        if (!typed.IsEmpty) ModelState.AddModelError(field, $"{what} must be a real date");
        return null;
    }
}
