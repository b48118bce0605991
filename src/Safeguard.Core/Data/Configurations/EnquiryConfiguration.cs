using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Enquiries;
using Safeguard.Core.People;

namespace Safeguard.Core.Data.Configurations;

internal sealed class StrategyDiscussionConfiguration : IEntityTypeConfiguration<StrategyDiscussion>
{
    public void Configure(EntityTypeBuilder<StrategyDiscussion> b)
    {
        b.ToTable("StrategyDiscussions");
        b.Property(x => x.InformationShared).HasMaxLength(StrategyDiscussions.TextMaxLength);
        b.Property(x => x.DecisionReasons).HasMaxLength(StrategyDiscussions.TextMaxLength);
        b.Property(x => x.PoliceAbsentReason).HasMaxLength(StrategyDiscussions.ShortTextMaxLength * 5);
        b.Property(x => x.HealthAbsentReason).HasMaxLength(StrategyDiscussions.ShortTextMaxLength * 5);
        b.Property(x => x.EducationAbsentReason).HasMaxLength(StrategyDiscussions.ShortTextMaxLength * 5);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.HeldAt);
        b.HasIndex(x => new { x.ReferralId, x.HeldAt });
    }
}

internal sealed class StrategyParticipantConfiguration : IEntityTypeConfiguration<StrategyParticipant>
{
    public void Configure(EntityTypeBuilder<StrategyParticipant> b)
    {
        b.ToTable("StrategyParticipants");
        b.Property(x => x.Name).HasMaxLength(StrategyDiscussions.ShortTextMaxLength);
        b.Property(x => x.Role).HasMaxLength(StrategyDiscussions.ShortTextMaxLength);
        b.HasOne<StrategyDiscussion>().WithMany().HasForeignKey(x => x.StrategyDiscussionId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("FK_StrategyParticipants_StrategyDiscussions");
        b.HasIndex(x => x.StrategyDiscussionId);
    }
}
