using Safeguard.Core.Text;

namespace Safeguard.Core.ChildInNeed;

/// <summary>A child in need plan review as the form sends it: anything may be missing or wrong.</summary>
public sealed record ChildInNeedReviewInput(DateOnly? HeldOn, string? Participants, string? Progress, bool? PlanContinues, string? EndReason);

public static class ChildInNeedReviewFields
{
    public const string HeldOn = nameof(ChildInNeedReviewInput.HeldOn);
    public const string Participants = nameof(ChildInNeedReviewInput.Participants);
    public const string Progress = nameof(ChildInNeedReviewInput.Progress);
    public const string PlanContinues = nameof(ChildInNeedReviewInput.PlanContinues);
    public const string EndReason = nameof(ChildInNeedReviewInput.EndReason);
}

public enum ChildInNeedReviewOutcome { Recorded, Invalid, ChangedElsewhere, NotFound }

public sealed record ChildInNeedReviewResult(ChildInNeedReviewOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static readonly ChildInNeedReviewResult Recorded = new(ChildInNeedReviewOutcome.Recorded, []);
    public static readonly ChildInNeedReviewResult NotFound = new(ChildInNeedReviewOutcome.NotFound, []);
    public static readonly ChildInNeedReviewResult ChangedElsewhere = new(ChildInNeedReviewOutcome.ChangedElsewhere, []);

    public static ChildInNeedReviewResult Invalid(IReadOnlyList<(string, string)> errors) => new(ChildInNeedReviewOutcome.Invalid, errors);
}

/// <summary>
/// What a child in need plan review must hold, every problem at once: its date (not in the future, not before the plan
/// began or its last review), who took part, the progress made, whether the plan continues, and why it ends if it does not.
/// </summary>
public static class ChildInNeedReviewRules
{
    public const int ParticipantsMaxLength = 1000;
    public const int ProgressMaxLength = 8000;
    public const int EndReasonMaxLength = 1000;

    public static IReadOnlyList<(string Field, string Message)> Check(ChildInNeedReviewInput input, DateOnly notBefore, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (input.HeldOn is not { } held) errors.Add((ChildInNeedReviewFields.HeldOn, "Enter the date of the review"));
        else if (held > today) errors.Add((ChildInNeedReviewFields.HeldOn, "The review must have been held already: enter today or a day before"));
        else if (held < notBefore) errors.Add((ChildInNeedReviewFields.HeldOn, $"The review must be on or after {notBefore:d MMMM yyyy}, when the plan began or was last reviewed"));
        RequiredText.Check(ChildInNeedReviewFields.Participants, input.Participants, ParticipantsMaxLength, "Enter who took part", errors);
        RequiredText.Check(ChildInNeedReviewFields.Progress, input.Progress, ProgressMaxLength, "Enter the progress made against the plan", errors);
        if (input.PlanContinues is not { } continues) errors.Add((ChildInNeedReviewFields.PlanContinues, "Select whether the plan continues"));
        else if (!continues) RequiredText.Check(ChildInNeedReviewFields.EndReason, input.EndReason, EndReasonMaxLength, "Enter why the plan ends", errors);
        return errors;
    }
}
