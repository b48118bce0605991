using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;

namespace Safeguard.Benchmarks.Pages;

/// <summary>
/// Makes the seeded council's busiest social worker able to sign in for this run: the large seed's accounts have no
/// password and get roles only if the role rows existed when it ran (docs/large-seed.md).
/// </summary>
public static class BenchAccount
{
    public sealed record SignInDetails(Guid UserId, string DisplayName, string Email, string Password, int OpenCases, int OpenItems);

    /// <summary>
    /// The worker holding most open cases (then most open work items): a new random password, hashed as the app hashes
    /// it, the SocialWorker role, enabled and not locked out. Prints each change it makes.
    /// </summary>
    public static async Task<SignInDetails> PrepareAsync(SafeguardDbContext db)
    {
        var cases = await db.CaseAllocations.Where(a => a.EndedAt == null).GroupBy(a => a.WorkerId)
            .Select(g => new { WorkerId = g.Key, Count = g.Count() }).OrderByDescending(x => x.Count).Take(20).ToListAsync();
        if (cases.Count == 0) throw new InvalidOperationException("No open allocations: seed the large council first (docs/large-seed.md).");
        var candidates = cases.Select(c => c.WorkerId).ToList();
        var items = await db.WorkItems.Where(w => w.ClosedAt == null && w.OwnerUserId != null && candidates.Contains(w.OwnerUserId!.Value))
            .GroupBy(w => w.OwnerUserId!.Value).Select(g => new { WorkerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.WorkerId, x => x.Count);
        var busiest = cases.OrderByDescending(c => c.Count).ThenByDescending(c => items.GetValueOrDefault(c.WorkerId)).First();

        var user = await db.Users.SingleAsync(u => u.Id == busiest.WorkerId);
        if (string.IsNullOrEmpty(user.Email)) throw new InvalidOperationException($"{user.DisplayName} has no email address to sign in with.");
        Console.WriteLine($"Bench sign-in: {user.DisplayName} <{user.Email}>, {busiest.Count:N0} open cases, "
            + $"{items.GetValueOrDefault(busiest.WorkerId):N0} open work items");

        var password = RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);
        user.PasswordHash = new PasswordHasher<StaffUser>().HashPassword(user, password);
        user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        Console.WriteLine("  changed: a new random password for this run (not shown), a new security stamp");
        if (user.IsDisabled)
        {
            user.IsDisabled = false;
            Console.WriteLine("  changed: enabled (was disabled)");
        }
        if (user.LockoutEnd is not null || user.AccessFailedCount > 0)
        {
            Console.WriteLine($"  changed: lockout cleared (was until {user.LockoutEnd?.ToString("u") ?? "-"}, {user.AccessFailedCount} failed attempts)");
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }

        var role = await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == Roles.SocialWorker.ToUpperInvariant());
        if (role is null)
        {
            role = new StaffRole(Roles.SocialWorker);
            db.Roles.Add(role);
            Console.WriteLine($"  changed: created the {Roles.SocialWorker} role (the seed found no role rows)");
        }
        var roleIds = await db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId).ToListAsync();
        if (!roleIds.Contains(role.Id))
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
            Console.WriteLine($"  changed: added to the {Roles.SocialWorker} role");
        }
        var others = await db.Roles.Where(r => roleIds.Contains(r.Id) && r.Id != role.Id).Select(r => r.Name).ToListAsync();
        if (others.Count > 0) Console.WriteLine($"  note: also in {string.Join(", ", others)} (the home page follows permissions)");
        await db.SaveChangesAsync();
        return new SignInDetails(user.Id, user.DisplayName, user.Email, password, busiest.Count, items.GetValueOrDefault(busiest.WorkerId));
    }

    public const string LeaderEmail = "bench.head-of-service@bench.invalid";

    /// <summary>
    /// A head of service (who holds <c>performance.view</c>) for the dashboard, made on the first run as the demo council's
    /// accounts are made, with a new random password each run. Prints each change it makes.
    /// </summary>
    public static async Task<SignInDetails> PrepareLeaderAsync(SafeguardDbContext db)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == LeaderEmail.ToUpperInvariant());
        if (user is null)
        {
            user = new StaffUser
            {
                Id = NewId.Next(), UserName = LeaderEmail, NormalizedUserName = LeaderEmail.ToUpperInvariant(), Email = LeaderEmail,
                NormalizedEmail = LeaderEmail.ToUpperInvariant(), EmailConfirmed = true, DisplayName = "Bench Head of Service",
                JobTitle = "Head of service (benchmark account)",
            };
            db.Users.Add(user);
            Console.WriteLine($"  changed: created {LeaderEmail} for the dashboard");
        }
        var password = RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);
        user.PasswordHash = new PasswordHasher<StaffUser>().HashPassword(user, password);
        user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        user.IsDisabled = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var role = await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == Roles.HeadOfService.ToUpperInvariant());
        if (role is null)
        {
            role = new StaffRole(Roles.HeadOfService);
            db.Roles.Add(role);
            Console.WriteLine($"  changed: created the {Roles.HeadOfService} role");
        }
        if (!await db.UserRoles.AnyAsync(r => r.UserId == user.Id && r.RoleId == role.Id))
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
        }
        await db.SaveChangesAsync();
        return new SignInDetails(user.Id, user.DisplayName, LeaderEmail, password, 0, 0);
    }
}
