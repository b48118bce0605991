using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Security.Throttling;

namespace Safeguard.Core.Data.Configurations;

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> b)
    {
        b.ToTable("SignInThrottles");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(SignInThrottle.KeyLength);
        // Pruning finds the quiet keys by their last failure.
        b.HasIndex(x => x.LastFailureAt);
    }
}
