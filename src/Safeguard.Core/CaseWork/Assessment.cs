using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.CaseWork;

/// <summary>What a child and family assessment concluded (Working Together 2023 ch.2: the outcome of an assessment).</summary>
public enum AssessmentOutcome { NoFurtherAction, ChildInNeedPlan, StrategyDiscussion, Other }

/// <summary>
/// A child and family assessment, due within 45 working days of the referral: started when the case is allocated,
/// recorded by the worker (the child seen and seen alone, the factors identified, analysis, the child's views and the
/// outcome), completed by them and authorised by a manager. The CIN census "assessment authorisation date" is
/// <see cref="AuthorisedOn"/>. Kept by <c>Assessments/ChildAndFamilyAssessments</c>.
/// </summary>
public sealed class Assessment : IAudited, IVersioned
{
    private Assessment() { }

    public Assessment(Guid referralId, Guid personId, DateOnly startedOn, DateOnly dueOn)
    {
        Id = NewId.Next();
        ReferralId = referralId;
        PersonId = personId;
        StartedOn = startedOn;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public Guid PersonId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? CompletedOn { get; set; }
    public DateOnly? AuthorisedOn { get; set; }
    /// <summary>CIN assessment factor codes separated by '|', e.g. "2A|4A" (<c>Assessments/AssessmentFactors</c>).</summary>
    public string Factors { get; set; } = "";

    /// <summary>The worker doing the assessment (the allocated worker when it started).</summary>
    public Guid? WorkerId { get; set; }
    public DateOnly? ChildSeenOn { get; set; }
    public bool? SeenAlone { get; set; }
    public string? Analysis { get; set; }
    public string? ChildsViews { get; set; }
    public AssessmentOutcome? Outcome { get; set; }
    public string? OutcomeDetail { get; set; }
    public Guid? CompletedBy { get; set; }
    public Guid? AuthorisedBy { get; set; }
    /// <summary>Why a manager sent the completed assessment back to the worker (cleared when it is completed again).</summary>
    public string? ReturnedReason { get; set; }
    public int Version { get; private set; } = 1;

    public bool IsCompleted => CompletedOn is not null;
    public bool IsAuthorised => AuthorisedOn is not null;

    Guid? IAudited.AuditPersonId => PersonId;
}
