using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Sessions;

namespace Safeguard.Core.Data.Configurations;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.ToTable("SignInSessions");
        b.Property(x => x.EndedBecause).HasConversion<string>().HasMaxLength(StringEnums.Length);
        b.HasIndex(x => x.UserId);
    }
}
