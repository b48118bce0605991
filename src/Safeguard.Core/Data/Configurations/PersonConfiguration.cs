using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.People;

namespace Safeguard.Core.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.Property(x => x.GivenName).HasMaxLength(100);
        b.Property(x => x.FamilyName).HasMaxLength(100);
        b.Property(x => x.NhsNumber).HasMaxLength(10);
        b.Property(x => x.Upn).HasMaxLength(13);
        b.Property(x => x.LocalChildId).HasMaxLength(40);
        b.Property(x => x.School).HasMaxLength(200);
        b.Ignore(x => x.FullName);
        b.HasMany(x => x.Addresses).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.MergedIntoPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FamilyName, x.GivenName });
        b.HasIndex(x => x.DateOfBirth);
        b.HasIndex(x => x.NhsNumber);
    }
}

internal sealed class PersonAddressConfiguration : IEntityTypeConfiguration<PersonAddress>
{
    public void Configure(EntityTypeBuilder<PersonAddress> b)
    {
        b.ToTable("PersonAddresses");
        b.Property(x => x.Line1).HasMaxLength(200);
        b.Property(x => x.Town).HasMaxLength(100);
        b.Property(x => x.Postcode).HasMaxLength(10);
        b.HasIndex(x => x.Postcode);
    }
}
