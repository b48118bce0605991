using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Work;

namespace Safeguard.Core.Allocation;

/// <summary>An action agreed in an allocation discussion (or a supervision), as its owner sees it.</summary>
public sealed record AgreedActionView(Guid WorkItemId, Guid SubjectId, string Title, Guid? PersonId, string? ChildName, Guid OwnerTeamId,
    string TeamName, Guid? OwnerUserId, string? OwnerName, DateTimeOffset OpenedAt, DateTimeOffset DueAt, DateTimeOffset? DoneAt, int Version)
{
    /// <summary>Its owner, or anyone in the team whose tray it is on.</summary>
    public bool MayBeDoneBy(Guid? userId, Guid? teamId) => (userId is not null && userId == OwnerUserId) || (teamId is not null && teamId == OwnerTeamId);
}

/// <summary>Agreed actions: seeing one and marking it done (its work item closes, through <see cref="WorkItems"/>).</summary>
public sealed class AgreedActions(SafeguardDbContext db, WorkItems work)
{
    public Task<AgreedActionView?> ViewAsync(Guid workItemId, CancellationToken ct = default) =>
        (from w in db.WorkItems.AsNoTracking()
         join t in db.Teams on w.OwnerTeamId equals t.Id
         where w.Id == workItemId && w.Kind == WorkKind.AgreedAction
         select new AgreedActionView(w.Id, w.SubjectId, w.Title, w.PersonId,
             db.People.Where(p => p.Id == w.PersonId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
             w.OwnerTeamId, t.Name, w.OwnerUserId, db.Users.Where(u => u.Id == w.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(),
             w.OpenedAt, w.DueAt, w.ClosedAt, w.Version))
        .SingleOrDefaultAsync(ct);

    /// <summary>
    /// The action is done: its item closes. Nothing is saved if the item changed since <paramref name="expectedVersion"/>
    /// (done, or given to someone else, meanwhile).
    /// </summary>
    public async Task<WorkChange> MarkDoneAsync(Guid workItemId, int expectedVersion, CancellationToken ct = default)
    {
        var item = await db.WorkItems.SingleOrDefaultAsync(w => w.Id == workItemId && w.Kind == WorkKind.AgreedAction, ct);
        if (item is null) return WorkChange.NotFound;
        if (!item.IsOpen || item.Version != expectedVersion) return WorkChange.ChangedElsewhere;
        work.Close(item);
        return await work.SaveAsync(ct);
    }
}
