using Safeguard.Core.Work;

namespace Safeguard.Web.Infrastructure;

/// <summary>Where a work item on a tray leads: the page where that work is done, else the child's record.</summary>
public static class WorkLinks
{
    /// <param name="item">The item on the tray.</param>
    /// <param name="viewerId">Who is looking: a case allocated, not yet accepted, leads its worker to accept it and anyone else to the child.</param>
    public static string? For(OpenWorkLine item, Guid? viewerId = null) => item.Kind switch
    {
        WorkKind.ScreeningDecision or WorkKind.ManagerConfirmation => $"/front-door/contacts/{item.SubjectId}",
        WorkKind.Allocation => $"/allocation/referrals/{item.SubjectId}",
        WorkKind.AcceptAllocation when viewerId is not null && item.OwnerUserId != viewerId && item.PersonId is { } child => $"/children/{child}",
        WorkKind.AcceptAllocation => $"/allocation/cases/{item.SubjectId}/accept",
        WorkKind.Reallocation => $"/allocation/cases/{item.SubjectId}/reallocate",
        WorkKind.AgreedAction => $"/work/{item.Id}",
        WorkKind.CaseSupervision => $"/supervision/cases/{item.SubjectId}/new",
        WorkKind.PersonalSupervision => $"/supervision/workers/{item.SubjectId}/new",
        WorkKind.Assessment => $"/assessments/{item.SubjectId}",
        WorkKind.AssessmentAuthorisation => $"/assessments/{item.SubjectId}/authorise",
        WorkKind.InitialConference => $"/section47/{item.SubjectId}/outcome",
        WorkKind.StrategyDiscussion when item.PersonId is { } discussed => $"/children/{discussed}/strategy-discussions/new",
        WorkKind.CoreGroup => $"/plans/{item.SubjectId}/core-groups/new",
        WorkKind.ReviewConference => $"/plans/{item.SubjectId}",
        WorkKind.Review => $"/child-in-need-plans/{item.SubjectId}/review",
        WorkKind.ContactOnOpenCase => $"/front-door/contacts/{item.SubjectId}",
        WorkKind.PatternAlert => $"/pattern-alerts/{item.SubjectId}",
        WorkKind.Visit when item.PersonId is { } visited => $"/children/{visited}/case-notes/new?kind={nameof(Core.CaseNotes.CaseNoteKind.Visit)}",
        WorkKind.Escalation => $"/escalations/{item.SubjectId}",
        WorkKind.Recommendation => $"/recommendations/{item.SubjectId}",
        _ => item.PersonId is { } personId ? $"/children/{personId}" : null,
    };
}
