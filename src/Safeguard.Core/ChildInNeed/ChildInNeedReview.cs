using Safeguard.Core.Data;

namespace Safeguard.Core.ChildInNeed;

/// <summary>A review of a child in need plan: when, who took part, the progress made, and whether the plan continues.</summary>
public sealed class ChildInNeedReview
{
    private ChildInNeedReview() { }

    public ChildInNeedReview(Guid childPlanId, Guid personId, DateOnly heldOn, string participants, string progress, bool planContinues, Guid recordedBy)
    {
        Id = NewId.Next();
        ChildPlanId = childPlanId;
        PersonId = personId;
        HeldOn = heldOn;
        Participants = participants;
        Progress = progress;
        PlanContinues = planContinues;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }
    public Guid ChildPlanId { get; private set; }
    public Guid PersonId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string Participants { get; private set; } = "";
    /// <summary>What has changed for the child since the plan began or was last reviewed.</summary>
    public string Progress { get; private set; } = "";
    public bool PlanContinues { get; private set; }
    public Guid RecordedBy { get; private set; }
}
