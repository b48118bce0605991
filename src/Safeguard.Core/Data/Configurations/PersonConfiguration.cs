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
        b.Property(x => x.FormerUpn).HasMaxLength(13);
        b.Property(x => x.UpnUnknownReason).HasMaxLength(4);
        b.Property(x => x.Ethnicity).HasMaxLength(4);
        b.Property(x => x.Disabilities).HasMaxLength(80);
        b.Property(x => x.LocalChildId).HasMaxLength(40);
        b.Property(x => x.School).HasMaxLength(200);
        b.Ignore(x => x.FullName);
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1);
        b.Property(x => x.GivenNameKey).HasMaxLength(4).UsePropertyAccessMode(PropertyAccessMode.Property);
        b.Property(x => x.FamilyNameKey).HasMaxLength(4).UsePropertyAccessMode(PropertyAccessMode.Property);
        b.HasIndex(x => new { x.FamilyNameKey, x.GivenNameKey, x.DateOfBirth });
        b.HasIndex(x => x.GivenNameKey);
        b.HasIndex(x => x.Upn);
        b.HasIndex(x => x.LocalChildId);
        b.HasMany(x => x.Addresses).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.MergedIntoPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FamilyName, x.GivenName });
        b.HasIndex(x => x.DateOfBirth);
        b.HasIndex(x => x.NhsNumber);
        b.Property(x => x.RestrictionReason).HasMaxLength(2000);
        b.Property(x => x.RestrictedByName).HasMaxLength(200);
        // Partial: only the few restricted people, so "hidden from this user" reads a handful of rows. (A bare boolean
        // test cannot use a full index on SQLite; it can use this one.)
        // Restricted records only, with their ids, so need to know reads the index alone.
        b.HasIndex(x => new { x.IsRestricted, x.Id }).HasFilter("\"IsRestricted\"");
    }
}

internal sealed class PersonAccessGrantConfiguration : IEntityTypeConfiguration<People.Access.PersonAccessGrant>
{
    public void Configure(EntityTypeBuilder<People.Access.PersonAccessGrant> b)
    {
        b.ToTable("PersonAccessGrants");
        b.Property(x => x.Reason).HasMaxLength(People.Access.PersonAccessGrant.MaxReasonLength);
        b.Property(x => x.GrantedByName).HasMaxLength(200);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Safeguard.Core.Workforce.StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        // One name once per list: two holders adding the same person at once cannot make two rows.
        b.HasIndex(x => new { x.PersonId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
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

internal sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> b)
    {
        b.ToTable("PersonNames");
        b.Property(x => x.GivenName).HasMaxLength(100);
        b.Property(x => x.FamilyName).HasMaxLength(100);
        b.Property(x => x.GivenNameKey).HasMaxLength(4).UsePropertyAccessMode(PropertyAccessMode.Property);
        b.Property(x => x.FamilyNameKey).HasMaxLength(4).UsePropertyAccessMode(PropertyAccessMode.Property);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => new { x.FamilyNameKey, x.GivenNameKey });
    }
}

internal sealed class PersonRelationshipConfiguration : IEntityTypeConfiguration<PersonRelationship>
{
    public void Configure(EntityTypeBuilder<PersonRelationship> b)
    {
        b.ToTable("PersonRelationships");
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.RelatedPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.RelatedPersonId);
    }
}

internal sealed class DuplicateCandidateConfiguration : IEntityTypeConfiguration<DuplicateCandidate>
{
    public void Configure(EntityTypeBuilder<DuplicateCandidate> b)
    {
        b.ToTable("DuplicateCandidates");
        b.Property(x => x.Band).HasMaxLength(20);
        b.Property(x => x.Explanation).HasMaxLength(8000);
        b.Property(x => x.ResolvedByName).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId1).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId2).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PersonId1, x.PersonId2 }).IsUnique();
        b.HasIndex(x => x.PersonId2);
        b.HasIndex(x => new { x.Status, x.Score });
    }
}

internal sealed class PersonMergeConfiguration : IEntityTypeConfiguration<PersonMerge>
{
    public void Configure(EntityTypeBuilder<PersonMerge> b)
    {
        b.ToTable("PersonMerges");
        b.Property(x => x.Moved).HasMaxLength(1000000);
        b.Property(x => x.MergedByName).HasMaxLength(200);
        b.Property(x => x.UnmergedByName).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.UnmergeReason).HasMaxLength(2000);
        b.Ignore(x => x.IsUndone);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.SurvivorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.MergedId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SurvivorId);
        b.HasIndex(x => x.MergedId);
    }
}
