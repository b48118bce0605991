using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Data;

/// <summary>Status and kind enums are stored as their names so the data reads plainly in both databases.</summary>
internal static class StringEnums
{
    public const int Length = 40;

    public static void Configure(ModelConfigurationBuilder b)
    {
        b.Properties<OrganisationKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<TeamKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Sex>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<ContactStatus>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<ContactChannel>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<ContactMethod>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<ScreeningOutcome>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<ReferralStatus>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<PlanKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Section47Outcome>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<AssessmentOutcome>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Arrangements.CarerCheckKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Arrangements.ArrangementStatus>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<CaseNotes.CaseNoteKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Conferences.ConferenceKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Conferences.FamilyAttendance>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Conferences.AbuseCategory>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Enquiries.Agency>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<LookedAfterLegalStatus>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<WorkKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Priority>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<FeedbackStatus>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<PersonNameKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<RelationshipKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<DuplicateStatus>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<DuplicateFoundBy>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Work.AlertKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<EmploymentKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<TrainingKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<AbsenceKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<CaseKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Supervision.SupervisionKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Chronology.Patterns.PatternRule>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Attachments.AttachmentStepKind>().HaveConversion<string>().HaveMaxLength(Length);
        b.Properties<Escalations.EscalationOutcome>().HaveConversion<string>().HaveMaxLength(Length);
    }
}
