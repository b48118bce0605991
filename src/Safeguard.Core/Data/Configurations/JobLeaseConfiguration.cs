using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Jobs;

namespace Safeguard.Core.Data.Configurations;

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("JobLeases");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(JobLease.NameMaxLength);
        b.Property(x => x.Holder).HasMaxLength(JobLease.HolderMaxLength);
    }
}

/// <summary>The web app's data-protection key ring (the keys that sign cookies), shared by every instance.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.Property(x => x.FriendlyName).HasMaxLength(200);
        // A key's XML is about 1 KB: longer than the model's default text limit.
        b.Property(x => x.Xml).HasMaxLength(4000);
    }
}
