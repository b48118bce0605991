using Safeguard.Core.Data;

namespace Safeguard.Core.Recommendations;

/// <summary>Where a recommendation came from.</summary>
public enum RecommendationSource
{
    SeriousCaseReview, ChildSafeguardingPracticeReview, LocalOrNationalReview, OfstedInspection, Audit, Other,
}

/// <summary>
/// The status a manager sets. "Overdue" is not stored: it is worked out from the due time
/// (<see cref="RecommendationOverdueRule"/>) and shown whatever the stored status says.
/// </summary>
public enum RecommendationStatus { NotStarted, OnTrack, AtRisk, Completed }

/// <summary>The status people see: the stored one, or overdue when the rule says so.</summary>
public enum ShownStatus { NotStarted, OnTrack, AtRisk, Overdue, Completed }

/// <summary>
/// A recommendation from a review, an inspection or an audit, tracked to completion by its owner
/// (docs/recommendations.md). Changed only through <see cref="Recommendations"/>, which writes the events.
/// </summary>
public sealed class Recommendation : IVersioned
{
    private Recommendation() { }

    internal Recommendation(RecommendationSource source, string sourceName, DateOnly sourceDate, string text, Guid ownerUserId,
        DateOnly dueOn, DateTimeOffset dueAt, DateTimeOffset createdAt)
    {
        Id = NewId.Next();
        Source = source;
        SourceName = sourceName;
        SourceDate = sourceDate;
        Text = text;
        OwnerUserId = ownerUserId;
        DueOn = dueOn;
        DueAt = dueAt;
        CreatedAt = createdAt;
        Status = RecommendationStatus.NotStarted;
        Version = 1;
    }

    public Guid Id { get; private set; }
    public RecommendationSource Source { get; private set; }
    /// <summary>The review's, inspection's or audit's name or reference.</summary>
    public string SourceName { get; private set; } = "";
    public DateOnly SourceDate { get; private set; }
    public string Text { get; private set; } = "";
    public Guid OwnerUserId { get; private set; }
    public DateOnly DueOn { get; private set; }
    /// <summary>The end of the working day it is due (<see cref="RecommendationDueRule"/>).</summary>
    public DateTimeOffset DueAt { get; private set; }
    public RecommendationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsCompleted => Status == RecommendationStatus.Completed;

    internal void Describe(RecommendationSource source, string sourceName, DateOnly sourceDate, string text)
    {
        Source = source;
        SourceName = sourceName;
        SourceDate = sourceDate;
        Text = text;
    }

    internal void GiveTo(Guid ownerUserId) => OwnerUserId = ownerUserId;

    internal void DueBy(DateOnly dueOn, DateTimeOffset dueAt)
    {
        DueOn = dueOn;
        DueAt = dueAt;
    }

    internal void SetStatus(RecommendationStatus status, DateTimeOffset now)
    {
        if (IsCompleted) throw new InvalidOperationException("A completed recommendation keeps its status.");
        Status = status;
        if (status == RecommendationStatus.Completed) CompletedAt = now;
    }
}

/// <summary>Something to be done towards a recommendation, with its own owner and due date when given.</summary>
public sealed class RecommendationAction
{
    private RecommendationAction() { }

    internal RecommendationAction(Guid recommendationId, int number, string text, Guid? ownerUserId, DateOnly? dueOn, DateTimeOffset addedAt)
    {
        Id = NewId.Next();
        RecommendationId = recommendationId;
        Number = number;
        Text = text;
        OwnerUserId = ownerUserId;
        DueOn = dueOn;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }
    public Guid RecommendationId { get; private set; }
    /// <summary>1, 2, 3… within its recommendation, in the order added.</summary>
    public int Number { get; private set; }
    public string Text { get; private set; } = "";
    public Guid? OwnerUserId { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}

/// <summary>
/// What shows an action was done: words, and optionally a link to a child's record (<see cref="PersonId"/>) or to another
/// Safeguard page (<see cref="LinkPath"/>).
/// </summary>
public sealed class RecommendationEvidence
{
    private RecommendationEvidence() { }

    internal RecommendationEvidence(Guid recommendationId, Guid actionId, string text, Guid? personId, string? linkPath, Guid addedBy,
        DateTimeOffset addedAt)
    {
        Id = NewId.Next();
        RecommendationId = recommendationId;
        ActionId = actionId;
        Text = text;
        PersonId = personId;
        LinkPath = linkPath;
        AddedByUserId = addedBy;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }
    public Guid RecommendationId { get; private set; }
    public Guid ActionId { get; private set; }
    public string Text { get; private set; } = "";
    public Guid? PersonId { get; private set; }
    public string? LinkPath { get; private set; }
    public Guid AddedByUserId { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}
