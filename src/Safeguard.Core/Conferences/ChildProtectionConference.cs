using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Enquiries;

namespace Safeguard.Core.Conferences;

/// <summary>An initial child protection conference (after a section 47 enquiry) or a review conference of a plan.</summary>
public enum ConferenceKind { Initial, Review }

/// <summary>How the child's family took part in a conference.</summary>
public enum FamilyAttendance { Attended, PartlyAttended, ContributedInWriting, DidNotAttend }

/// <summary>
/// A child protection conference, held by a chair who holds the conference chair role: who attended by agency, the
/// family's attendance, and its decision. An initial conference decides a plan or no plan; a review conference decides
/// whether the plan continues (its latest category may change) or ends, with a reason. Not edited once recorded.
/// Kept by <see cref="ChildProtectionConferences"/>.
/// </summary>
public sealed class ChildProtectionConference : IAudited
{
    private ChildProtectionConference() { }

    public ChildProtectionConference(ConferenceKind kind, Guid personId, Guid referralId, DateTimeOffset heldAt, Guid chairId, Guid recordedBy)
    {
        Id = NewId.Next();
        Kind = kind;
        PersonId = personId;
        ReferralId = referralId;
        HeldAt = heldAt;
        ChairId = chairId;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }
    public ConferenceKind Kind { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid ReferralId { get; private set; }
    /// <summary>The enquiry an initial conference followed.</summary>
    public Guid? Section47EnquiryId { get; set; }
    /// <summary>The plan an initial conference began, or the plan a review conference reviewed.</summary>
    public Guid? ChildPlanId { get; set; }
    public DateTimeOffset HeldAt { get; private set; }
    public Guid ChairId { get; private set; }
    public Guid RecordedBy { get; private set; }
    public FamilyAttendance FamilyAttendance { get; set; }
    /// <summary>Who from the family took part, or why they did not.</summary>
    public string FamilyAttendanceNotes { get; set; } = "";
    /// <summary>Initial: a child protection plan is needed. Review: the plan continues.</summary>
    public bool Plan { get; set; }
    /// <summary>The category of abuse decided (initial) or kept or changed to (review), when there is a plan.</summary>
    public AbuseCategory? Category { get; set; }
    public string DecisionReasons { get; set; } = "";

    Guid? IAudited.AuditPersonId => PersonId;
}

/// <summary>One person who attended a conference.</summary>
public sealed class ConferenceAttendee
{
    private ConferenceAttendee() { }

    public ConferenceAttendee(Guid conferenceId, Agency agency, string name, string role)
    {
        Id = NewId.Next();
        ConferenceId = conferenceId;
        Agency = agency;
        Name = name;
        Role = role;
    }

    public Guid Id { get; private set; }
    public Guid ConferenceId { get; private set; }
    public Agency Agency { get; private set; }
    public string Name { get; private set; } = "";
    public string Role { get; private set; } = "";
}

/// <summary>A core group meeting of a child protection plan: when, who took part, and what was agreed.</summary>
public sealed class CoreGroupMeeting
{
    private CoreGroupMeeting() { }

    public CoreGroupMeeting(Guid childPlanId, Guid personId, DateOnly heldOn, string attendees, string notes, Guid recordedBy)
    {
        Id = NewId.Next();
        ChildPlanId = childPlanId;
        PersonId = personId;
        HeldOn = heldOn;
        Attendees = attendees;
        Notes = notes;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }
    public Guid ChildPlanId { get; private set; }
    public Guid PersonId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string Attendees { get; private set; } = "";
    public string Notes { get; private set; } = "";
    public Guid RecordedBy { get; private set; }
}
