using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Data;

namespace Safeguard.Core.Workforce;

/// <summary>A person who signs in: council staff, or a named referrer at a partner agency.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public string? JobTitle { get; set; }
    public Guid? TeamId { get; set; }
    public Guid? OrganisationId { get; set; }
    public bool IsDisabled { get; set; }
    public string? SocialWorkEnglandNumber { get; set; }
}

public sealed class StaffRole : IdentityRole<Guid>
{
    public StaffRole() { }

    public StaffRole(string name) : base(name)
    {
        Id = NewId.Next();
        NormalizedName = name.ToUpperInvariant();
    }
}
