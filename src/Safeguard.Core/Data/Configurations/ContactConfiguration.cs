using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("Contacts");
        b.Property(x => x.Reference).HasMaxLength(20);
        b.HasIndex(x => x.Reference).IsUnique();
        b.Property(x => x.ReferrerName).HasMaxLength(200);
        b.Property(x => x.ReferrerOrganisationName).HasMaxLength(200);
        b.Property(x => x.ReferrerRole).HasMaxLength(200);
        b.Property(x => x.ReferrerEmail).HasMaxLength(320);
        b.Property(x => x.ReferrerPhone).HasMaxLength(40);
        b.Property(x => x.Concern).HasMaxLength(20000);
        b.Property(x => x.DecisionReasons).HasMaxLength(Contact.DecisionReasonsMaxLength);
        b.Property(x => x.FeedbackForReferrer).HasMaxLength(8000);
        b.Property(x => x.PriorityReason).HasMaxLength(Contact.PriorityReasonMaxLength);
        b.Ignore(x => x.IsChildProtectionConcern);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ReferringOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Children).WithOne().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.DecisionDueAt });
        b.HasIndex(x => x.ReceivedAt);
        b.HasIndex(x => x.DecidedAt);
        b.HasIndex(x => new { x.ReferringOrganisationId, x.ReceivedAt });
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.SubmissionKey).IsUnique();
        b.Property(x => x.ReturnedReason).HasMaxLength(4000);
        b.Property(x => x.PreviousReasons).HasMaxLength(8000);
    }
}

internal sealed class ContactChildConfiguration : IEntityTypeConfiguration<ContactChild>
{
    public void Configure(EntityTypeBuilder<ContactChild> b)
    {
        b.ToTable("ContactChildren");
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PersonId);
        b.Property(x => x.SentGivenName).HasMaxLength(100);
        b.Property(x => x.SentFamilyName).HasMaxLength(100);
        b.Property(x => x.SentNhsNumber).HasMaxLength(20);
        b.Property(x => x.SentAddressLine1).HasMaxLength(200);
        b.Property(x => x.SentTown).HasMaxLength(100);
        b.Property(x => x.SentPostcode).HasMaxLength(20);
        b.Property(x => x.SentSchool).HasMaxLength(200);
        b.Ignore(x => x.Sent);
        b.Ignore(x => x.SentName);
    }
}
