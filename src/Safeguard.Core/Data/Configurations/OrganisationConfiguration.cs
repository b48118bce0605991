using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.Property(x => x.Name).HasMaxLength(200);
        // Unique among active organisations: a retired one's name can be used again (20261202000006_Organisations).
        b.HasIndex(x => x.Name).IsUnique().HasFilter(WorkforceIndexes.ActiveOnly);
        b.Property(x => x.CinReferralSourceCode).HasMaxLength(3);
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(0);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("Teams");
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Name).IsUnique().HasFilter(WorkforceIndexes.ActiveOnly);
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(0);
    }
}

internal static class WorkforceIndexes
{
    /// <summary>The filter of the name indexes of organisations and teams; the same SQL on SQLite and PostgreSQL.</summary>
    public const string ActiveOnly = "\"RetiredAt\" IS NULL";
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.JobTitle).HasMaxLength(200);
        b.Property(x => x.SocialWorkEnglandNumber).HasMaxLength(Registration.MaxLength);
        b.Property(x => x.FullTimeEquivalent).HasDefaultValue(1.0);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        // Not a foreign key: SQLite cannot add one to an existing table without rebuilding it.
        b.HasIndex(x => x.ManagerId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
