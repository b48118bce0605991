using Safeguard.Core.CaseWork;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Assessments;

// Source: Working Together to Safeguard Children 2023, ch.2 (assessment: maximum 45 working days from the point of referral)
/// <summary>When a child and family assessment is due: the end of the 45th working day after the referral date.</summary>
public static class AssessmentDueRule
{
    public static DateOnly DueOn(IWorkingDayCalendar calendar, DateOnly referralDate) =>
        calendar.AddWorkingDays(referralDate, TimeLimits.AssessmentWorkingDays);

    /// <summary>The moment the assessment's work item's clock runs from, so it falls due at the end of <see cref="DueOn"/>.</summary>
    public static DateTimeOffset ClockFrom(DateOnly referralDate) => TimeLimits.EndOfDay(referralDate);
}

/// <summary>
/// What an assessment must hold. Saved as a draft, only what is entered is checked; to complete it, everything: the child
/// seen (when, and whether alone), at least one factor (or "21 No factors identified" alone, DfE rule 8869), the
/// analysis, the child's views and the outcome.
/// </summary>
public static class AssessmentRules
{
    public static IReadOnlyList<(string Field, string Message)> Check(AssessmentInput input, IReadOnlyList<string> factors, DateOnly referralDate,
        DateOnly today, bool complete)
    {
        var errors = new List<(string, string)>();
        if (input.ChildSeenOn is { } seen)
        {
            if (seen > today) errors.Add((AssessmentFields.ChildSeenOn, "The date the child was seen must be today or in the past"));
            else if (seen < referralDate)
            {
                errors.Add((AssessmentFields.ChildSeenOn, $"The date the child was seen must be on or after the referral, {referralDate:d MMMM yyyy}"));
            }
        }
        else if (complete)
        {
            errors.Add((AssessmentFields.ChildSeenOn, "Enter the date the child was seen: an assessment is not complete until the child has been seen"));
        }
        if (complete && input.SeenAlone is null) errors.Add((AssessmentFields.SeenAlone, "Select whether the child was seen alone"));

        var unknown = input.Factors.Where(f => !string.IsNullOrWhiteSpace(f) && AssessmentFactors.Find(f) is null).ToList();
        if (unknown.Count > 0) errors.Add((AssessmentFields.Factors, $"Choose factors from the list ({string.Join(", ", unknown.Take(3))} is not one)"));
        else if (factors.Contains(AssessmentFactors.NoFactors) && factors.Count > 1)
        {
            errors.Add((AssessmentFields.Factors, "\u201CNo factors identified\u201D cannot be chosen with other factors"));
        }
        else if (complete && factors.Count == 0)
        {
            errors.Add((AssessmentFields.Factors, "Select the factors identified, or \u201CNo factors identified\u201D"));
        }

        Text(AssessmentFields.Analysis, input.Analysis, "Enter your analysis", complete, errors);
        Text(AssessmentFields.ChildsViews, input.ChildsViews, "Enter the child\u2019s views, or why they could not be given", complete, errors);
        if (input.Outcome is { } outcome && !Enum.IsDefined(outcome)) errors.Add((AssessmentFields.Outcome, "Select the outcome of the assessment"));
        else if (complete && input.Outcome is null) errors.Add((AssessmentFields.Outcome, "Select the outcome of the assessment"));
        if (input.Outcome == AssessmentOutcome.Other)
        {
            if (string.IsNullOrWhiteSpace(input.OutcomeDetail))
            {
                if (complete) errors.Add((AssessmentFields.OutcomeDetail, "Say what the other outcome is"));
            }
            else if (input.OutcomeDetail.Trim().Length > ChildAndFamilyAssessments.OutcomeDetailMaxLength)
            {
                errors.Add((AssessmentFields.OutcomeDetail, $"The other outcome must be {ChildAndFamilyAssessments.OutcomeDetailMaxLength} characters or fewer"));
            }
        }
        return errors;
    }

    private static void Text(string field, string? text, string missing, bool required, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add((field, missing));
        }
        else if (text.Trim().Length > ChildAndFamilyAssessments.TextMaxLength)
        {
            errors.Add((field, $"This must be {ChildAndFamilyAssessments.TextMaxLength:N0} characters or fewer"));
        }
    }
}
