using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.People;
using Safeguard.Core.Supervision;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Data.Configurations;

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> b)
    {
        b.ToTable("TrainingRecords");
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.Kind });
        b.HasIndex(x => x.ExpiresOn);
    }
}

internal sealed class StaffAbsenceConfiguration : IEntityTypeConfiguration<StaffAbsence>
{
    public void Configure(EntityTypeBuilder<StaffAbsence> b)
    {
        b.ToTable("StaffAbsences");
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.To });
    }
}

internal sealed class CaseAllocationConfiguration : IEntityTypeConfiguration<CaseAllocation>
{
    public void Configure(EntityTypeBuilder<CaseAllocation> b)
    {
        b.ToTable("CaseAllocations");
        b.Ignore(x => x.IsOpen);
        b.Ignore(x => x.IsAccepted);
        b.Property(x => x.Risks).HasMaxLength(4000);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.ReallocationReason).HasMaxLength(2000);
        b.Property(x => x.CompetenceOverrideReason).HasMaxLength(2000);
        b.Property(x => x.CapacityReason).HasMaxLength(2000);
        b.Property(x => x.EndReason).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ManagerId).OnDelete(DeleteBehavior.Restrict);
        // A child's workers, newest first; a worker's open cases (caseloads).
        b.HasIndex(x => new { x.PersonId, x.AllocatedAt });
        // A worker's open cases, and caseloads read from an index alone: SQLite takes the first for a list of workers;
        // PostgreSQL, reading a whole service's open cases, takes the second (only open allocations) over the table.
        b.HasIndex(x => new { x.WorkerId, x.EndedAt, x.CountsAs });
        b.HasIndex(x => new { x.WorkerId, x.CountsAs }).HasFilter(CaseloadIndexes.OpenOnly).HasDatabaseName("IX_CaseAllocations_Open_WorkerId_CountsAs");
        // The few allocations made outside the rules (their report starts from these).
        b.HasIndex(x => x.TeamId).HasFilter(CaseloadIndexes.OutsideTheRulesOnly).HasDatabaseName("IX_CaseAllocations_OutsideTheRules_TeamId");
        b.HasIndex(x => new { x.TeamId, x.EndedAt });
        b.HasIndex(x => x.ReferralId);
    }
}

internal sealed class WorkerContinuityConfiguration : IEntityTypeConfiguration<WorkerContinuity>
{
    public void Configure(EntityTypeBuilder<WorkerContinuity> b)
    {
        b.ToTable("WorkerContinuity");
        b.HasKey(x => x.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        // The list, newest change first, filtered on the way through the index.
        b.HasIndex(x => new { x.LatestAllocatedAt, x.NthWorkerSeenUntil });
    }
}

internal sealed class SupervisionRecordConfiguration : IEntityTypeConfiguration<SupervisionRecord>
{
    public void Configure(EntityTypeBuilder<SupervisionRecord> b)
    {
        b.ToTable("SupervisionRecords");
        foreach (var text in new[] { nameof(SupervisionRecord.Reflection), nameof(SupervisionRecord.RiskAnalysis), nameof(SupervisionRecord.Decisions),
                     nameof(SupervisionRecord.Wellbeing), nameof(SupervisionRecord.Caseload), nameof(SupervisionRecord.Training) })
        {
            b.Property(text).HasMaxLength(8000);
        }
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CaseAllocation>().WithMany().HasForeignKey(x => x.AllocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.WorkerId, x.HeldAt });
        b.HasIndex(x => new { x.PersonId, x.HeldAt });
        b.HasIndex(x => x.AllocationId);
    }
}

/// <summary>The filters of partial indexes on allocations, shared by the model and its migration.</summary>
internal static class CaseloadIndexes
{
    public const string OpenOnly = "\"EndedAt\" IS NULL";

    public const string OutsideTheRulesOnly = "\"CompetenceOverrideReason\" IS NOT NULL OR \"CapacityReason\" IS NOT NULL";
}
