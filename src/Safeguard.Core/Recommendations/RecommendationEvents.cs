using Safeguard.Core.Audit;

namespace Safeguard.Core.Recommendations;

/// <summary>A recommendation was added to the tracker with its owner and due date.</summary>
public sealed record RecommendationAdded(Guid RecommendationId, RecommendationSource Source, string SourceName, DateOnly SourceDate, string Text,
    Guid OwnerUserId, string OwnerName, DateOnly DueOn) : IEvent
{
    public static string Name => "recommendation.added";

    public string Describe() => $"Recommendation added from {Source.Words().ToLowerInvariant()} {SourceName}: owner {OwnerName}, due {DueOn:d MMMM yyyy}";
}

/// <summary>A recommendation's words or its source were changed.</summary>
public sealed record RecommendationTextChanged(Guid RecommendationId, RecommendationSource Source, string SourceName, DateOnly SourceDate,
    string Text) : IEvent
{
    public static string Name => "recommendation.text-changed";

    public string Describe() => $"Recommendation changed: {Text}";
}

/// <summary>A recommendation was given to another owner.</summary>
public sealed record RecommendationOwnerChanged(Guid RecommendationId, Guid OwnerUserId, string From, string To) : IEvent
{
    public static string Name => "recommendation.owner-changed";

    public string Describe() => $"Owner changed from {From} to {To}";
}

/// <summary>A recommendation's due date was moved.</summary>
public sealed record RecommendationDueChanged(Guid RecommendationId, DateOnly From, DateOnly To) : IEvent
{
    public static string Name => "recommendation.due-changed";

    public string Describe() => $"Due date changed from {From:d MMMM yyyy} to {To:d MMMM yyyy}";
}

/// <summary>A recommendation's owner gave it another status (not completed: see <see cref="RecommendationCompleted"/>).</summary>
public sealed record RecommendationStatusChanged(Guid RecommendationId, RecommendationStatus From, RecommendationStatus To) : IEvent
{
    public static string Name => "recommendation.status-changed";

    public string Describe() => $"Status changed from {From.Words().ToLowerInvariant()} to {To.Words().ToLowerInvariant()}";
}

/// <summary>A recommendation was completed, with evidence.</summary>
public sealed record RecommendationCompleted(Guid RecommendationId, RecommendationStatus From, int EvidenceCount) : IEvent
{
    public static string Name => "recommendation.completed";

    public string Describe() => $"Completed, with {Text.Plural.Count(EvidenceCount, "piece", "pieces")} of evidence";
}

/// <summary>An action towards a recommendation was added.</summary>
public sealed record RecommendationActionAdded(Guid RecommendationId, Guid ActionId, int Number, string Text, Guid? OwnerUserId, DateOnly? DueOn) : IEvent
{
    public static string Name => "recommendation.action-added";

    public string Describe() => $"Action {Number} added: {Text}";
}

/// <summary>Evidence that an action was done was added.</summary>
public sealed record RecommendationEvidenceAdded(Guid RecommendationId, Guid ActionId, Guid EvidenceId, int ActionNumber, string Text, Guid? PersonId,
    string? LinkPath) : IEvent
{
    public static string Name => "recommendation.evidence-added";

    public string Describe() => $"Evidence added to action {ActionNumber}: {Text}";
}
