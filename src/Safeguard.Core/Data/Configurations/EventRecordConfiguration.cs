using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Audit;

namespace Safeguard.Core.Data.Configurations;

internal sealed class EventRecordConfiguration : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> b)
    {
        b.ToTable("Events");
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Type).HasMaxLength(80);
        b.Property(x => x.ActorName).HasMaxLength(200);
        b.Property(x => x.SubjectType).HasMaxLength(80);
        b.Property(x => x.Summary).HasMaxLength(EventRecord.SummaryMaxLength);
        // Unbounded (text): a reason is kept whole, however long the form that gave it allows (e.g. a decision's 8,000 characters).
        b.Property(x => x.Reason).Metadata.SetMaxLength(null);
        b.Property(x => x.Data).HasMaxLength(100000);
        b.HasIndex(x => new { x.PersonId, x.OccurredAt });
        b.HasIndex(x => new { x.ActorUserId, x.OccurredAt });
        b.HasIndex(x => x.OccurredAt);
        b.HasIndex(x => new { x.SubjectId, x.OccurredAt });
    }
}
