using Safeguard.Core.Data;

namespace Safeguard.Core.Workforce;

/// <summary>The kinds of training the competence rules ask for (<see cref="CompetenceRules"/>).</summary>
public enum TrainingKind
{
    ChildProtectionSection47,
    ChildProtectionPlans,
    CourtSkills,
    LookedAfterChildren,
    SafeguardingFoundation,
}

/// <summary>A course a member of staff completed, and when it lapses (null: it does not).</summary>
public sealed class TrainingRecord
{
    private TrainingRecord() { }

    public TrainingRecord(Guid userId, TrainingKind kind, DateOnly completedOn, DateOnly? expiresOn)
    {
        Id = NewId.Next();
        UserId = userId;
        Kind = kind;
        CompletedOn = completedOn;
        ExpiresOn = expiresOn;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public TrainingKind Kind { get; private set; }
    public DateOnly CompletedOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }

    /// <summary>Current on <paramref name="day"/>: completed by then and not yet expired.</summary>
    public bool IsCurrentOn(DateOnly day) => CompletedOn <= day && (ExpiresOn is null || ExpiresOn >= day);
}
