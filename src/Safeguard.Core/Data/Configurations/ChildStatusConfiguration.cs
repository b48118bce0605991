using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.CaseWork;
using Safeguard.Core.People;

namespace Safeguard.Core.Data.Configurations;

internal sealed class Section47EnquiryConfiguration : IEntityTypeConfiguration<Section47Enquiry>
{
    public void Configure(EntityTypeBuilder<Section47Enquiry> b)
    {
        b.ToTable("Section47Enquiries");
        b.Ignore(x => x.IsOpen);
        b.Ignore(x => x.ConferenceRequired);
        b.Property(x => x.OutcomeReasons).HasMaxLength(8000);
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class LookedAfterPeriodConfiguration : IEntityTypeConfiguration<LookedAfterPeriod>
{
    public void Configure(EntityTypeBuilder<LookedAfterPeriod> b)
    {
        b.ToTable("LookedAfterPeriods");
        b.Ignore(x => x.IsOpen);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PersonId);
    }
}
