using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Oversight.Flow;

namespace Safeguard.Core.Data.Configurations;

internal sealed class FlowCheckConfiguration : IEntityTypeConfiguration<FlowCheck>
{
    public void Configure(EntityTypeBuilder<FlowCheck> b)
    {
        b.ToTable("FlowChecks");
        b.Property(x => x.Key).HasMaxLength(FlowCheck.KeyMaxLength);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(StringEnums.Length);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(StringEnums.Length);
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => new { x.Stage, x.Day });
    }
}
