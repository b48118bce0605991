using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Work;

/// <summary>What became of a change to one work item saved on its own.</summary>
public enum WorkChange { Changed, ChangedElsewhere, NotFound }

/// <summary>
/// The one way work items are opened, reassigned, reprioritised, renamed and closed. Each change is made on the
/// tracked item, moves its version on and adds its typed event (Work/WorkEvents.cs) to the context, to be saved
/// in the caller's transaction with the change that caused it. Nothing here reads or writes the database except the
/// *Async methods: opening an item is in memory only, so the intake writer can open two per contact in its group commit.
/// Due times come from the kind's clock rule in <see cref="WorkCatalogue"/>.
/// </summary>
public sealed class WorkItems(SafeguardDbContext db, WorkClocks? clocks = null)
{
    private WorkClocks Clocks => clocks ?? throw new InvalidOperationException("Opening or reprioritising work needs the work clocks.");

    /// <summary>
    /// Opens an item of <paramref name="kind"/> on <paramref name="ownerTeamId"/>'s tray. <paramref name="openedAt"/>:
    /// when the work arrived (default now); <paramref name="clockFrom"/>: when its clock started (default
    /// <paramref name="openedAt"/>), e.g. a manager's confirmation runs on the screening's clock from receipt.
    /// </summary>
    public WorkItem Open(WorkKind kind, Guid subjectId, string title, Guid ownerTeamId, Priority priority, Guid? personId = null,
        DateTimeOffset? openedAt = null, DateTimeOffset? clockFrom = null)
    {
        var opened = openedAt ?? db.Time.GetUtcNow();
        var due = WorkCatalogue.For(kind).Due(Clocks, clockFrom ?? opened, priority);
        var item = new WorkItem(kind, subjectId, Fit(title), ownerTeamId, priority, opened, due, personId);
        db.WorkItems.Add(item);
        db.Record(new WorkOpened(item.Id, kind, subjectId, item.Title, ownerTeamId, priority, due), null, nameof(WorkItem), item.Id);
        return item;
    }

    /// <summary>Gives the item to another team's tray, or to a worker (on their team's tray).</summary>
    public void Reassign(WorkItem item, Guid teamId, Guid? userId)
    {
        if (item.OwnerTeamId == teamId && item.OwnerUserId == userId) return;
        item.AssignTo(teamId, userId);
        db.Record(new WorkReassigned(item.Id, item.Kind, item.Title, teamId, userId), null, nameof(WorkItem), item.Id);
    }

    /// <summary>A new priority; the due time follows, by the kind's clock run again from <paramref name="clockFrom"/>.</summary>
    public void Reprioritise(WorkItem item, Priority priority, DateTimeOffset clockFrom)
    {
        var due = WorkCatalogue.For(item.Kind).Due(Clocks, clockFrom, priority);
        if (item.Priority == priority && item.DueAt == due) return;
        var before = item.Priority;
        item.ChangePriority(priority, due);
        db.Record(new WorkReprioritised(item.Id, item.Kind, item.Title, before, priority, due), null, nameof(WorkItem), item.Id);
    }

    public void Retitle(WorkItem item, string title)
    {
        title = Fit(title);
        if (item.Title == title) return;
        var before = item.Title;
        item.Retitle(title);
        db.Record(new WorkRetitled(item.Id, item.Kind, before, title), null, nameof(WorkItem), item.Id);
    }

    /// <summary>The work is done (or no longer needed): it leaves the trays. An item already closed is left alone.</summary>
    public void Close(WorkItem item, DateTimeOffset? at = null)
    {
        if (!item.IsOpen) return;
        item.Close(at ?? db.Time.GetUtcNow());
        db.Record(new WorkClosed(item.Id, item.Kind, item.Title), null, nameof(WorkItem), item.Id);
    }

    /// <summary>The open items about <paramref name="subjectId"/> (of <paramref name="kinds"/> when given), tracked for changing.</summary>
    public Task<List<WorkItem>> OpenAboutAsync(Guid subjectId, IReadOnlyCollection<WorkKind>? kinds = null, CancellationToken ct = default) =>
        db.WorkItems.Where(w => w.SubjectId == subjectId && w.ClosedAt == null && (kinds == null || kinds.Contains(w.Kind))).ToListAsync(ct);

    /// <summary>
    /// Reassigns one item and saves, unless it changed since the caller saw <paramref name="expectedVersion"/> or someone
    /// else's change is saved first: then nothing is saved and the answer says so.
    /// </summary>
    public async Task<WorkChange> ReassignAsync(Guid itemId, Guid teamId, Guid? userId, int? expectedVersion = null, CancellationToken ct = default)
    {
        var item = await db.WorkItems.SingleOrDefaultAsync(w => w.Id == itemId, ct);
        if (item is null) return WorkChange.NotFound;
        if (!item.IsOpen || expectedVersion is { } v && v != item.Version) return WorkChange.ChangedElsewhere;
        Reassign(item, teamId, userId);
        return await SaveAsync(ct);
    }

    /// <summary>Saves the pending changes; a work item changed by someone else meanwhile saves nothing and says so.</summary>
    public async Task<WorkChange> SaveAsync(CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return WorkChange.Changed;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            db.ChangeReason = null;
            return WorkChange.ChangedElsewhere;
        }
    }

    private static string Fit(string title) => Text.Clip.WithMarker(title, 300);
}
