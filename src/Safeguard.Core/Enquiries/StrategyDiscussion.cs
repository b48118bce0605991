using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.Enquiries;

/// <summary>The agencies a strategy discussion records taking part (Working Together 2023 ch.3: at least children's social care, police, health and education).</summary>
public enum Agency { ChildrensSocialCare, Police, Health, Education, Referrer, Other }

/// <summary>
/// A strategy discussion about a child: when it was held, who took part by agency, what was shared, and whether a section
/// 47 enquiry follows (with reasons). The statutory partners who did not take part are recorded with a reason each. Not
/// edited once recorded: a later discussion is a new record. Kept by <see cref="StrategyDiscussions"/>.
/// </summary>
public sealed class StrategyDiscussion : IAudited
{
    private StrategyDiscussion() { }

    public StrategyDiscussion(Guid personId, Guid referralId, DateTimeOffset heldAt, Guid recordedBy)
    {
        Id = NewId.Next();
        PersonId = personId;
        ReferralId = referralId;
        HeldAt = heldAt;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    /// <summary>The referral (CIN episode) the discussion is part of.</summary>
    public Guid ReferralId { get; private set; }
    public DateTimeOffset HeldAt { get; private set; }
    public Guid RecordedBy { get; private set; }
    public string InformationShared { get; set; } = "";
    /// <summary>Whether the discussion decided a section 47 enquiry is needed.</summary>
    public bool Section47 { get; set; }
    public string DecisionReasons { get; set; } = "";
    public string? PoliceAbsentReason { get; set; }
    public string? HealthAbsentReason { get; set; }
    public string? EducationAbsentReason { get; set; }
    /// <summary>The enquiry this discussion began or moved on (when <see cref="Section47"/>).</summary>
    public Guid? Section47EnquiryId { get; set; }

    Guid? IAudited.AuditPersonId => PersonId;
}

/// <summary>One person who took part in a strategy discussion.</summary>
public sealed class StrategyParticipant
{
    private StrategyParticipant() { }

    public StrategyParticipant(Guid strategyDiscussionId, Agency agency, string name, string role)
    {
        Id = NewId.Next();
        StrategyDiscussionId = strategyDiscussionId;
        Agency = agency;
        Name = name;
        Role = role;
    }

    public Guid Id { get; private set; }
    public Guid StrategyDiscussionId { get; private set; }
    public Agency Agency { get; private set; }
    public string Name { get; private set; } = "";
    public string Role { get; private set; } = "";
}
