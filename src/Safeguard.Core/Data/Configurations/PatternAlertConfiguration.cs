using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Chronology.Patterns;
using Safeguard.Core.People;

namespace Safeguard.Core.Data.Configurations;

internal sealed class PatternAlertConfiguration : IEntityTypeConfiguration<PatternAlert>
{
    public void Configure(EntityTypeBuilder<PatternAlert> b)
    {
        b.ToTable("PatternAlerts");
        b.Property(x => x.Trigger).HasMaxLength(PatternAlert.TriggerMaxLength);
        b.Property(x => x.Details).HasMaxLength(PatternAlert.DetailsMaxLength);
        b.Property(x => x.Note).HasMaxLength(PatternAlert.NoteMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        // One alert per rule and the record that completed the pattern, however many sweeps find it.
        b.HasIndex(x => new { x.PersonId, x.Rule, x.Trigger }).IsUnique();
    }
}

internal sealed class PatternSweepMarkConfiguration : IEntityTypeConfiguration<PatternSweepMark>
{
    public void Configure(EntityTypeBuilder<PatternSweepMark> b)
    {
        b.ToTable("PatternSweepMarks");
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}
