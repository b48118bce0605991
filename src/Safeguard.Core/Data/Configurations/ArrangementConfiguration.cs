using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Arrangements;
using Safeguard.Core.CaseWork;
using Safeguard.Core.People;

namespace Safeguard.Core.Data.Configurations;

internal sealed class CarerArrangementConfiguration : IEntityTypeConfiguration<CarerArrangement>
{
    public void Configure(EntityTypeBuilder<CarerArrangement> b)
    {
        b.ToTable("CarerArrangements");
        b.Property(x => x.CarerName).HasMaxLength(CarerArrangements.TextMaxLength);
        b.Property(x => x.Relationship).HasMaxLength(CarerArrangements.TextMaxLength);
        b.Property(x => x.Address).HasMaxLength(CarerArrangements.TextMaxLength);
        b.Property(x => x.MissingChecksReason).HasMaxLength(CarerArrangements.ReasonMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.ReferralId);
    }
}

internal sealed class CarerCheckConfiguration : IEntityTypeConfiguration<CarerCheck>
{
    public void Configure(EntityTypeBuilder<CarerCheck> b)
    {
        b.ToTable("CarerChecks");
        b.Property(x => x.Findings).HasMaxLength(CarerArrangements.ReasonMaxLength);
        b.HasOne<CarerArrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ArrangementId, x.Kind }).IsUnique();
    }
}
