using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Security.Authenticator;

namespace Safeguard.Core.Data.Configurations;

internal sealed class AcceptedAuthenticatorStepConfiguration : IEntityTypeConfiguration<AcceptedAuthenticatorStep>
{
    public void Configure(EntityTypeBuilder<AcceptedAuthenticatorStep> b)
    {
        b.ToTable("AcceptedAuthenticatorSteps");
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).ValueGeneratedNever();
    }
}
