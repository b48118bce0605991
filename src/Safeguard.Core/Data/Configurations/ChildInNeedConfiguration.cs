using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.CaseWork;
using Safeguard.Core.ChildInNeed;

namespace Safeguard.Core.Data.Configurations;

internal sealed class ChildInNeedReviewConfiguration : IEntityTypeConfiguration<ChildInNeedReview>
{
    public void Configure(EntityTypeBuilder<ChildInNeedReview> b)
    {
        b.ToTable("ChildInNeedReviews");
        b.Property(x => x.Participants).HasMaxLength(ChildInNeedReviewRules.ParticipantsMaxLength);
        b.Property(x => x.Progress).HasMaxLength(ChildInNeedReviewRules.ProgressMaxLength);
        b.HasOne<ChildPlan>().WithMany().HasForeignKey(x => x.ChildPlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ChildPlanId);
    }
}
