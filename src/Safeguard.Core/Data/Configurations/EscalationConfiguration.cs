using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Escalations;
using Safeguard.Core.People;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Data.Configurations;

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.ToTable("Escalations");
        b.Ignore(x => x.IsOpen);
        b.Property(x => x.Subject).HasMaxLength(Escalation.SubjectMaxLength);
        b.Property(x => x.Concern).HasMaxLength(Escalation.ConcernMaxLength);
        b.Property(x => x.Response).HasMaxLength(Escalation.ResponseMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RaisedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.AnswererId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        // "My escalations", the director's and a delegate's lists, and a manager's shared ones.
        b.HasIndex(x => x.RaisedById);
        b.HasIndex(x => x.AnswererId);
        b.HasIndex(x => x.SharedWithManagerId);
        b.HasIndex(x => x.PersonId);
        // The counts for a period.
        b.HasIndex(x => x.RaisedAt);
    }
}
