using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Data.Configurations;

internal sealed class ContactInformationConfiguration : IEntityTypeConfiguration<ContactInformation>
{
    public void Configure(EntityTypeBuilder<ContactInformation> b)
    {
        b.ToTable("ContactInformation");
        b.Property(x => x.Text).HasMaxLength(ContactInformation.MaxTextLength);
        b.Property(x => x.From).HasMaxLength(ContactInformation.MaxFromLength);
        b.Property(x => x.IdempotencyKey).HasMaxLength(200);
        b.Property(x => x.RequestHash).HasMaxLength(64);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ContactId);
        b.HasIndex(x => x.ReadAt);
        // NULL keys (the partner page) are distinct in a unique index on both databases.
        b.HasIndex(x => new { x.OrganisationId, x.IdempotencyKey }).IsUnique();
    }
}
