using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Performance.Daily;

namespace Safeguard.Core.Data.Configurations;

internal sealed class PerformanceFigureConfiguration : IEntityTypeConfiguration<PerformanceFigure>
{
    public void Configure(EntityTypeBuilder<PerformanceFigure> b)
    {
        b.ToTable("PerformanceFigures");
        b.HasKey(x => new { x.TeamId, x.Day, x.Measure });
        b.Property(x => x.Measure).HasMaxLength(PerformanceFigure.MeasureMaxLength);
    }
}

internal sealed class PerformanceDayConfiguration : IEntityTypeConfiguration<PerformanceDay>
{
    public void Configure(EntityTypeBuilder<PerformanceDay> b)
    {
        b.ToTable("PerformanceDays");
        b.HasKey(x => x.Day);
    }
}

internal sealed class PerformanceRefreshClaimConfiguration : IEntityTypeConfiguration<PerformanceRefreshClaim>
{
    public void Configure(EntityTypeBuilder<PerformanceRefreshClaim> b)
    {
        b.ToTable("PerformanceRefreshClaims");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(PerformanceRefreshClaim.KeyMaxLength);
    }
}
