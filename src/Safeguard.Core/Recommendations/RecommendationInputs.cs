namespace Safeguard.Core.Recommendations;

/// <summary>A recommendation as typed: every field may be missing until it is checked.</summary>
public sealed record RecommendationInput(RecommendationSource? Source, string? SourceName, DateOnly? SourceDate, string? Text, Guid? OwnerUserId,
    DateOnly? DueOn);

/// <summary>An action as typed: its owner and due date are optional.</summary>
public sealed record ActionInput(string? Text, Guid? OwnerUserId, DateOnly? DueOn);

/// <summary>Evidence as typed: which action, the words, and an optional link (a child's id or record address, or a Safeguard page).</summary>
public sealed record EvidenceInput(Guid? ActionId, string? Text, string? Link);

public enum RecommendationOutcome { Saved, Invalid, ChangedElsewhere, NotFound }

/// <summary>What became of a change: saved (with the recommendation's id), refused with every problem, or changed elsewhere.</summary>
public sealed record RecommendationResult(RecommendationOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors, Guid? Id = null)
{
    public static RecommendationResult Saved(Guid id) => new(RecommendationOutcome.Saved, [], id);
    public static readonly RecommendationResult NotFound = new(RecommendationOutcome.NotFound, []);
    public static readonly RecommendationResult ChangedElsewhere = new(RecommendationOutcome.ChangedElsewhere, []);
    public static RecommendationResult Invalid(IReadOnlyList<(string, string)> errors) => new(RecommendationOutcome.Invalid, errors);
}

/// <summary>The limits of what is typed, checked before anything is saved.</summary>
public static class RecommendationLimits
{
    public const int TextMaxLength = 4000;
    public const int SourceNameMaxLength = 300;
    public const int ActionTextMaxLength = 2000;
    public const int EvidenceTextMaxLength = 2000;
    public const int LinkMaxLength = 300;
}
