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

    /// <summary>
    /// The password was set by an administrator (a new account, or a reset): after signing in with it the person can only
    /// change it (OWASP ASVS 4 2.1.x; docs/operations.md, "Passwords").
    /// </summary>
    public bool MustChangePassword { get; set; }
    /// <summary>Social Work England registration number: "SW" and digits (<see cref="Registration"/>).</summary>
    public string? SocialWorkEnglandNumber { get; set; }

    /// <summary>When the Social Work England registration must next be renewed; past it the worker is not registered.</summary>
    public DateOnly? RegistrationRenewsOn { get; set; }

    /// <summary>Holds a social work qualification.</summary>
    public bool IsQualified { get; set; }

    /// <summary>First day in practice as a qualified social worker: the first year is "newly qualified" (a protected caseload).</summary>
    public DateOnly? PracticeStartedOn { get; set; }

    /// <summary>Permanent or agency; null for people who hold no cases (partners, administrators).</summary>
    public EmploymentKind? Employment { get; set; }

    public DateOnly? EmploymentStartsOn { get; set; }

    /// <summary>The leaving date: their cases must be reallocated before it (docs/allocation.md).</summary>
    public DateOnly? EmploymentEndsOn { get; set; }

    /// <summary>Full-time equivalent (1.0 full time), for caseload capacity.</summary>
    public double FullTimeEquivalent { get; set; } = 1.0;

    /// <summary>Who supervises them (their line manager), for supervision and for alerts about them.</summary>
    public Guid? ManagerId { get; set; }
}

public enum EmploymentKind { Permanent, Agency }

public sealed class StaffRole : IdentityRole<Guid>
{
    public StaffRole() { }

    public StaffRole(string name) : base(name)
    {
        Id = NewId.Next();
        NormalizedName = name.ToUpperInvariant();
    }
}
