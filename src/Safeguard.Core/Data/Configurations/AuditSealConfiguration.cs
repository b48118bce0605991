using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Audit.Chain;

namespace Safeguard.Core.Data.Configurations;

internal sealed class AuditSealConfiguration : IEntityTypeConfiguration<AuditSeal>
{
    public void Configure(EntityTypeBuilder<AuditSeal> b)
    {
        b.ToTable("AuditSeals");
        b.HasKey(x => x.EventId);
        b.Property(x => x.EventId).ValueGeneratedNever();
        b.Property(x => x.Hash).HasMaxLength(ChainLink.HashLength);
        b.HasIndex(x => x.Sequence).IsUnique();
    }
}
