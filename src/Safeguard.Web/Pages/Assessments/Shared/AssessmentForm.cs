using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Assessments;
using Safeguard.Core.CaseWork;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Assessments.Shared;

/// <summary>The assessment as the worker types it (strings, so nothing typed is lost), and the version they were looking at.</summary>
public sealed class AssessmentForm
{
    [Display(Name = "Date the child was seen", Description = "For example, 27 3 2027")]
    public GovUkDate ChildSeenOn { get; set; } = new();

    [Display(Name = "Was the child seen alone?")]
    public string? SeenAlone { get; set; }

    [Display(Name = "Factors identified", Description = "The CIN census codes. Select all that apply, or \u201CNo factors identified\u201D.")]
    public List<string> Factors { get; set; } = [];

    [Display(Name = "Analysis", Description = "What the information means for the child: their needs, the risks, and the family's strengths and capacity to change.")]
    public string? Analysis { get; set; }

    [Display(Name = "The child\u2019s views", Description = "In their words where you can. If they could not give them, say why.")]
    public string? ChildsViews { get; set; }

    [Display(Name = "Outcome of the assessment")]
    public string? Outcome { get; set; }

    [Display(Name = "What is the other outcome?")]
    public string? OutcomeDetail { get; set; }

    public int Version { get; set; }

    public static AssessmentForm From(AssessmentView a) => new()
    {
        ChildSeenOn = GovUkDate.From(a.ChildSeenOn),
        SeenAlone = a.SeenAlone switch { true => "yes", false => "no", null => null },
        Factors = a.Factors.ToList(),
        Analysis = a.Analysis,
        ChildsViews = a.ChildsViews,
        Outcome = a.Outcome?.ToString(),
        OutcomeDetail = a.OutcomeDetail,
        Version = a.Version,
    };

    public static readonly IReadOnlyList<SelectListItem> FactorItems =
        AssessmentFactors.All.Select(f => new SelectListItem($"{f.Code} {f.Words}", f.Code)).ToList();

    public static readonly IReadOnlyList<SelectListItem> OutcomeItems =
        Enum.GetValues<AssessmentOutcome>().Select(o => new SelectListItem(o.Words(), o.ToString())).ToList();

    public static readonly IReadOnlyList<SelectListItem> YesNo = [new("Yes", "yes"), new("No", "no")];

    private const string P = "Form.";

    /// <summary>
    /// The service's input from what was typed. What cannot be read (a date that is not a date, an outcome not on the
    /// list) is left out with its own error here, so the service never sees a guess.
    /// </summary>
    public AssessmentInput Read(Guid assessmentId, ModelStateDictionary state)
    {
        DateOnly? seen = null;
        if (!ChildSeenOn.IsEmpty)
        {
            if (ChildSeenOn.MissingParts() is [var part, ..]) state.AddModelError(P + nameof(ChildSeenOn), $"The date the child was seen must include a {part.ToString().ToLowerInvariant()}");
            else if (ChildSeenOn.TryGetDate(out var d)) seen = d;
            else state.AddModelError(P + nameof(ChildSeenOn), "The date the child was seen must be a real date");
        }
        bool? alone = SeenAlone switch { "yes" => true, "no" => false, _ => null };
        if (SeenAlone is { Length: > 0 } && alone is null) state.AddModelError(P + nameof(SeenAlone), "Select whether the child was seen alone");
        AssessmentOutcome? outcome = null;
        if (Outcome is { Length: > 0 })
        {
            if (Enum.TryParse<AssessmentOutcome>(Outcome, out var o) && Enum.IsDefined(o) && !int.TryParse(Outcome, out _)) outcome = o;
            else state.AddModelError(P + nameof(Outcome), "Select the outcome of the assessment");
        }
        return new AssessmentInput(assessmentId, Version, seen, alone, Factors.Take(AssessmentFactors.All.Count).ToList(), Analysis, ChildsViews, outcome,
            OutcomeDetail);
    }

    /// <summary>The service's refusals onto the fields, except where the form already said what is wrong.</summary>
    public static void AddErrors(AssessmentResult result, ModelStateDictionary state)
    {
        foreach (var (field, message) in result.Errors)
        {
            var key = P + field;
            if (!(state[key]?.Errors.Count > 0)) state.AddModelError(key, message);
        }
    }
}
