using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.People;
using Safeguard.Core.Recommendations;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Data.Configurations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> b)
    {
        b.ToTable("Recommendations");
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(StringEnums.Length);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(StringEnums.Length);
        b.Property(x => x.SourceName).HasMaxLength(RecommendationLimits.SourceNameMaxLength);
        b.Property(x => x.Text).HasMaxLength(RecommendationLimits.TextMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.DueOn);
        b.HasIndex(x => x.OwnerUserId);
    }
}

internal sealed class RecommendationActionConfiguration : IEntityTypeConfiguration<RecommendationAction>
{
    public void Configure(EntityTypeBuilder<RecommendationAction> b)
    {
        b.ToTable("RecommendationActions");
        b.Property(x => x.Text).HasMaxLength(RecommendationLimits.ActionTextMaxLength);
        b.HasOne<Recommendation>().WithMany().HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RecommendationId, x.Number }).IsUnique();
    }
}

internal sealed class RecommendationEvidenceConfiguration : IEntityTypeConfiguration<RecommendationEvidence>
{
    public void Configure(EntityTypeBuilder<RecommendationEvidence> b)
    {
        b.ToTable("RecommendationEvidence");
        b.Property(x => x.Text).HasMaxLength(RecommendationLimits.EvidenceTextMaxLength);
        b.Property(x => x.LinkPath).HasMaxLength(RecommendationLimits.LinkMaxLength);
        b.HasOne<Recommendation>().WithMany().HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RecommendationAction>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.RecommendationId);
        b.HasIndex(x => x.ActionId);
        b.HasIndex(x => x.PersonId);
    }
}
