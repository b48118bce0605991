namespace Safeguard.Core.Work;

/// <summary>
/// What a manager is alerted about. Kept with work, not with the alerts, because each kind of late work names its alert
/// in the work catalogue; the alerts themselves (Oversight) read work, never the other way round.
/// </summary>
public enum AlertKind
{
    ContactOverdue, FeedbackOverdue, FeedbackUndelivered, AllocationOverdue, InformationUnread,
    /// <summary>A case allocated to a worker not accepted (case summary not read) in time.</summary>
    AllocationNotAccepted,
    /// <summary>A worker's Social Work England registration lapses within 30 days, or has lapsed.</summary>
    RegistrationLapsing,
    /// <summary>A worker's training that a competence rule needs expires within 30 days, or has expired.</summary>
    TrainingLapsing,
    /// <summary>A worker's employment ended while they still held cases: the cases went back to the team tray.</summary>
    CasesLeftUnallocated,
    /// <summary>A child and family assessment not completed within 45 working days of the referral.</summary>
    AssessmentOverdue,
    /// <summary>A completed assessment not authorised by a manager in time.</summary>
    AssessmentNotAuthorised,
    /// <summary>No initial child protection conference within 15 working days of the strategy discussion.</summary>
    InitialConferenceOverdue,
    /// <summary>No first core group meeting within 10 working days of the initial conference.</summary>
    CoreGroupOverdue,
    /// <summary>A child protection plan's review conference not held by its due date.</summary>
    ReviewConferenceOverdue,
    /// <summary>A child on a child protection plan not seen on a visit within the visit cycle.</summary>
    VisitOverdue,
    /// <summary>A check on a connected person not done before the child was to stay with them.</summary>
    CarerCheckOverdue,
    /// <summary>A strategy discussion decided at screening not held within 1 working day.</summary>
    StrategyDiscussionOverdue,
    /// <summary>A child in need plan not reviewed by its due date.</summary>
    ChildInNeedReviewOverdue,
    /// <summary>A new contact about a child whose case is open not read by the worker who holds it in time.</summary>
    ContactOnOpenCaseUnread,
    /// <summary>A pattern rule found something in a child's record (raised at once, not when late).</summary>
    PatternFound,
    /// <summary>A review recommendation not completed by the end of its due day (Recommendations).</summary>
    RecommendationOverdue,
    /// <summary>A stage of the flow (contacts, referrals, assessments started...) fell far below its usual level on a working day.</summary>
    FlowDropped,
    /// <summary>A stage of the flow stopped altogether for a working day (e.g. no assessment started while contacts arrived).</summary>
    FlowStopped,
    /// <summary>A partner organisation's referrals through the API stopped for a working day.</summary>
    PartnerReferralsStopped,
}
