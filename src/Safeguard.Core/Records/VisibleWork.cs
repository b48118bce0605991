using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;
using Safeguard.Core.Work;

namespace Safeguard.Core.Records;

/// <summary>
/// A tray as the signed-in person may see it: every open item shows and counts (nothing goes unseen), but an item about
/// a child restricted from them, as the item's own child or any child of its contact, reads "Restricted record".
/// </summary>
public sealed class VisibleWork(SafeguardDbContext db, TeamWork work)
{
    public async Task<WorkPage> PageAsync(Guid? teamId, Guid? userId, int page = 1, int pageSize = TeamWork.DefaultPageSize,
        CancellationToken ct = default) =>
        await MaskAsync(await work.PageAsync(teamId, userId, page, pageSize, ct), ct);

    /// <summary>A worker's own open work, overdue first (<see cref="TeamWork.WorkerPageAsync"/>).</summary>
    public async Task<WorkPage> WorkerPageAsync(Guid userId, int page = 1, int pageSize = TeamWork.DefaultPageSize, CancellationToken ct = default) =>
        await MaskAsync(await work.WorkerPageAsync(userId, page, pageSize, ct), ct);

    /// <summary>The referrals on a team's tray waiting for a worker (<see cref="TeamWork.UnallocatedPageAsync"/>).</summary>
    public async Task<WorkPage> UnallocatedPageAsync(Guid teamId, int page = 1, int pageSize = TeamWork.DefaultPageSize, CancellationToken ct = default) =>
        await MaskAsync(await work.UnallocatedPageAsync(teamId, page, pageSize, ct), ct);

    private async Task<WorkPage> MaskAsync(WorkPage result, CancellationToken ct)
    {
        var needToKnow = new NeedToKnow(db);
        if (needToKnow.SeesEveryone || result.Lines.Count == 0) return result;
        var hidden = needToKnow.Hidden();
        var people = result.Lines.Where(l => l.PersonId is not null).Select(l => l.PersonId!.Value).Distinct().ToList();
        var subjects = result.Lines.Select(l => l.SubjectId).Distinct().ToList();
        // One keyed query for the page: which of its people, and which of its contacts' children, are hidden.
        var hiddenPeople = await db.People.AsNoTracking().Where(p => people.Contains(p.Id) && hidden.Contains(p.Id)).Select(p => p.Id)
            .ToListAsync(ct);
        var hiddenContacts = await db.ContactChildren.AsNoTracking().Where(cc => subjects.Contains(cc.ContactId) && hidden.Contains(cc.PersonId))
            .Select(cc => cc.ContactId).Distinct().ToListAsync(ct);
        if (hiddenPeople.Count == 0 && hiddenContacts.Count == 0) return result;
        var lines = result.Lines
            .Select(l => (l.PersonId is { } p && hiddenPeople.Contains(p)) || hiddenContacts.Contains(l.SubjectId)
                ? l with { Title = NeedToKnow.RestrictedTitle }
                : l)
            .ToList();
        return result with { Lines = lines };
    }
}
