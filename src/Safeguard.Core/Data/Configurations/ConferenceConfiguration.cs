using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Conferences;
using Safeguard.Core.Enquiries;
using Safeguard.Core.People;

namespace Safeguard.Core.Data.Configurations;

internal sealed class ChildProtectionConferenceConfiguration : IEntityTypeConfiguration<ChildProtectionConference>
{
    public void Configure(EntityTypeBuilder<ChildProtectionConference> b)
    {
        b.ToTable("ChildProtectionConferences");
        b.Property(x => x.FamilyAttendanceNotes).HasMaxLength(ConferenceRules.NotesMaxLength);
        b.Property(x => x.DecisionReasons).HasMaxLength(ConferenceRules.TextMaxLength);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.ChildPlanId);
        b.HasIndex(x => x.Section47EnquiryId);
        b.HasIndex(x => new { x.Kind, x.HeldAt });
    }
}

internal sealed class ConferenceAttendeeConfiguration : IEntityTypeConfiguration<ConferenceAttendee>
{
    public void Configure(EntityTypeBuilder<ConferenceAttendee> b)
    {
        b.ToTable("ConferenceAttendees");
        b.Property(x => x.Name).HasMaxLength(ParticipantRows.NameMaxLength);
        b.Property(x => x.Role).HasMaxLength(ParticipantRows.NameMaxLength);
        b.HasOne<ChildProtectionConference>().WithMany().HasForeignKey(x => x.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ConferenceId);
    }
}

internal sealed class CoreGroupMeetingConfiguration : IEntityTypeConfiguration<CoreGroupMeeting>
{
    public void Configure(EntityTypeBuilder<CoreGroupMeeting> b)
    {
        b.ToTable("CoreGroupMeetings");
        b.Property(x => x.Attendees).HasMaxLength(ConferenceRules.NotesMaxLength);
        b.Property(x => x.Notes).HasMaxLength(ConferenceRules.TextMaxLength);
        b.HasOne<ChildPlan>().WithMany().HasForeignKey(x => x.ChildPlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ChildPlanId);
    }
}
