using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Security;

namespace Safeguard.Core.Workforce;

/// <summary>Who manages whom, for the things only a worker's own manager may do (supervise them, authorise their work).</summary>
public static class LineManagement
{
    /// <summary>
    /// Whether <paramref name="managerId"/> may act as <paramref name="workerId"/>'s manager: their account is in use,
    /// they hold <paramref name="permission"/>, they are not the worker, and they are the worker's line manager or a
    /// member of the worker's team.
    /// </summary>
    public static async Task<bool> ManagesAsync(this SafeguardDbContext db, Guid managerId, Guid workerId, string permission,
        CancellationToken ct = default)
    {
        if (managerId == workerId) return false;
        var worker = await db.Users.AsNoTracking().Where(u => u.Id == workerId).Select(u => new { u.ManagerId, u.TeamId }).SingleOrDefaultAsync(ct);
        var manager = await db.Users.AsNoTracking().Where(u => u.Id == managerId && !u.IsDisabled)
            .Select(u => new { u.TeamId }).SingleOrDefaultAsync(ct);
        if (worker is null || manager is null) return false;
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == managerId select r.Name!)
            .ToListAsync(ct);
        if (!RolePermissions.ForRoles(roles).Contains(permission)) return false;
        return worker.ManagerId == managerId || worker.TeamId is { } team && manager.TeamId == team;
    }
}
