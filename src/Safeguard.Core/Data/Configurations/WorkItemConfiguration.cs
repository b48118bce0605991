using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Data.Configurations;

internal static class WorkItemIndexes
{
    public const string OpenSupervisionOnly = "\"ClosedAt\" IS NULL AND \"Kind\" IN ('CaseSupervision', 'PersonalSupervision')";
}

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> b)
    {
        b.ToTable("WorkItems");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Ignore(x => x.IsOpen);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.OwnerTeamId).OnDelete(DeleteBehavior.Restrict);
        // The owner is carried so that counting a service's overdue items of some kinds by owner reads the index alone.
        b.HasIndex(x => new { x.Kind, x.ClosedAt, x.DueAt, x.OwnerUserId });
        b.Property(x => x.Version).IsConcurrencyToken();
        // The team and worker trays: one owner's open items of one priority, soonest due first (TeamWork).
        b.HasIndex(x => new { x.OwnerTeamId, x.ClosedAt, x.Priority, x.DueAt });
        b.HasIndex(x => new { x.OwnerUserId, x.ClosedAt, x.Priority, x.DueAt });
        b.HasIndex(x => x.SubjectId);
        b.HasIndex(x => new { x.Kind, x.DueAt });
        // One open supervision item per case or worker, however many supervisors record at once (Supervision/SupervisionRecords).
        b.HasIndex(x => new { x.Kind, x.SubjectId }).IsUnique().HasFilter(WorkItemIndexes.OpenSupervisionOnly).HasDatabaseName("IX_WorkItems_OpenSupervision");
    }
}
