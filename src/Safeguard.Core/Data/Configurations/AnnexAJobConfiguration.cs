using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Returns.AnnexA;

namespace Safeguard.Core.Data.Configurations;

internal sealed class AnnexAJobConfiguration : IEntityTypeConfiguration<AnnexAJob>
{
    public void Configure(EntityTypeBuilder<AnnexAJob> b)
    {
        b.ToTable("AnnexAJobs");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(StringEnums.Length);
        b.Property(x => x.CurrentList).HasMaxLength(AnnexAJob.ListNameMaxLength);
        b.Property(x => x.Failure).HasMaxLength(AnnexAJob.FailureMaxLength);
        b.HasIndex(x => new { x.Status, x.RequestedAt });
        b.HasIndex(x => x.RequestedBy);
    }
}
