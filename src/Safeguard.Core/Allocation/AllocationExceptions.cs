using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;
using Safeguard.Core.Timescales;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Allocation;

/// <summary>How an allocation was made outside the rules.</summary>
public enum AllocationExceptionKind { CompetenceOverride, BeyondCapacity }

/// <summary>
/// The period the report of allocations outside the rules covers: UK days, both inclusive. By default the last
/// <see cref="DefaultMonths"/> months up to today; never longer than <see cref="MaxYears"/> years (the page says so).
/// </summary>
public sealed record ExceptionsPeriod(DateOnly From, DateOnly To)
{
    public const int DefaultMonths = 3;
    public const int MaxYears = 2;

    public static ExceptionsPeriod Default(DateOnly today) => new(today.AddMonths(-DefaultMonths), today);

    public static bool IsTooLong(DateOnly from, DateOnly to) => to > from.AddYears(MaxYears);

    internal DateTimeOffset Start => TimeLimits.UkLocal(From, TimeOnly.MinValue);

    internal DateTimeOffset End => TimeLimits.UkLocal(To.AddDays(1), TimeOnly.MinValue);
}

/// <summary>
/// One allocation made outside the rules, as the events recorded it. <paramref name="OverriddenBy"/>: who overrode the
/// competence rules; <paramref name="RulesBroken"/>: the rules' plain words (both for a competence override only);
/// <paramref name="LoadAfter"/> and <paramref name="Capacity"/>: for an allocation beyond capacity only.
/// </summary>
public sealed record AllocationException(
    AllocationExceptionKind Kind,
    DateTimeOffset AllocatedAt,
    Guid AllocationId,
    Guid PersonId,
    string ChildName,
    Guid TeamId,
    string TeamName,
    string WorkerName,
    string ManagerName,
    string? OverriddenBy,
    CaseKind? CaseKind,
    IReadOnlyList<string> RulesBroken,
    double? LoadAfter,
    double? Capacity,
    string Reason,
    bool IsOpen);

/// <summary>
/// A page of the report: the allocations the reader may see, newest first, the totals of each kind they may see in the
/// period, and how many more there are about children whose records are restricted from the reader.
/// </summary>
public sealed record AllocationExceptionsPage(IReadOnlyList<AllocationException> Shown, int CompetenceOverrides, int BeyondCapacity,
    int Hidden, int Page, int PageSize)
{
    public int Total => CompetenceOverrides + BeyondCapacity;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasMore => Page < Pages;
}

/// <summary>How many of each kind in a period, restricted children included (a count names no one).</summary>
public sealed record AllocationExceptionCounts(int CompetenceOverrides, int BeyondCapacity);

/// <summary>
/// The report of allocations made outside the rules (issue 12): a service manager's competence overrides and
/// allocations beyond the worker's capacity, each with its reason. Read from the typed events that recorded them
/// (<see cref="CompetenceOverridden"/>, <see cref="AllocatedOverCapacity"/>), joined to their allocation for the team
/// and whether it is still open. The allocation's own fields only narrow the search: the events are the record.
/// </summary>
public sealed class AllocationExceptions(SafeguardDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Set by an initialiser, not a constructor, so that queries can go on to filter and sort on it.</summary>
    private sealed class Row
    {
        public AllocationExceptionKind Kind { get; init; }
        public EventRecord Event { get; init; } = default!;
        public CaseAllocation Allocation { get; init; } = default!;
    }

    public async Task<AllocationExceptionsPage> ListAsync(ExceptionsPeriod period, Guid? teamId = null, int page = 1, int pageSize = PageSize,
        CancellationToken ct = default)
    {
        // Bounded so that a page number typed into the address cannot overflow the offset.
        page = Math.Clamp(page, 1, 1_000_000);
        pageSize = Math.Clamp(pageSize, 1, PageSize * 20);
        var hidden = new NeedToKnow(db).Hidden();
        if (await RowsAsync(period, teamId, ct) is not { } rows) return new AllocationExceptionsPage([], 0, 0, 0, page, pageSize);
        var visible = rows.Where(r => !hidden.Contains(r.Allocation.PersonId));
        var competence = await visible.CountAsync(r => r.Kind == AllocationExceptionKind.CompetenceOverride, ct);
        var capacity = await visible.CountAsync(r => r.Kind == AllocationExceptionKind.BeyondCapacity, ct);
        var restricted = await rows.CountAsync(r => hidden.Contains(r.Allocation.PersonId), ct);

        var found = await visible
            .OrderByDescending(r => r.Event.OccurredAt).ThenByDescending(r => r.Event.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new
            {
                r.Kind, r.Event.OccurredAt, r.Event.Type, r.Event.Data, r.Event.ActorName, r.Event.Reason,
                r.Allocation.Id, r.Allocation.PersonId, r.Allocation.TeamId, r.Allocation.EndedAt,
                Child = db.People.Where(p => p.Id == r.Allocation.PersonId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
                Team = db.Teams.Where(t => t.Id == r.Allocation.TeamId).Select(t => t.Name).FirstOrDefault(),
                Worker = db.Users.Where(u => u.Id == r.Allocation.WorkerId).Select(u => u.DisplayName).FirstOrDefault(),
                Manager = db.Users.Where(u => u.Id == r.Allocation.ManagerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var shown = found.Select(f => EventCatalogue.Read(f.Type, f.Data) switch
            {
                CompetenceOverridden c => new AllocationException(f.Kind, f.OccurredAt, f.Id, f.PersonId, f.Child ?? "", f.TeamId, f.Team ?? "",
                    c.WorkerName, f.Manager ?? "", f.ActorName, c.CaseKind, c.RulesBroken, null, null, c.OverrideReason, f.EndedAt is null),
                AllocatedOverCapacity o => new AllocationException(f.Kind, f.OccurredAt, f.Id, f.PersonId, f.Child ?? "", f.TeamId, f.Team ?? "",
                    o.WorkerName, f.Manager ?? "", null, null, [], o.LoadAfter, o.Capacity, o.Reason, f.EndedAt is null),
                // Not the shape of its kind: show what the row itself holds rather than drop an exception from the report.
                _ => new AllocationException(f.Kind, f.OccurredAt, f.Id, f.PersonId, f.Child ?? "", f.TeamId, f.Team ?? "",
                    f.Worker ?? "", f.Manager ?? "", f.Kind == AllocationExceptionKind.CompetenceOverride ? f.ActorName : null, null, [], null, null,
                    f.Reason ?? "", f.EndedAt is null),
            })
            .ToList();
        return new AllocationExceptionsPage(shown, competence, capacity, restricted, page, pageSize);
    }

    /// <summary>The count of each kind, for a link to the report: no names, no rows; one query (none when nothing is outside the rules).</summary>
    public async Task<AllocationExceptionCounts> CountAsync(ExceptionsPeriod period, Guid? teamId = null, CancellationToken ct = default)
    {
        if (await RowsAsync(period, teamId, ct) is not { } rows) return new AllocationExceptionCounts(0, 0);
        var counts = await rows.GroupBy(r => r.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(AllocationExceptionKind kind) => counts.Where(c => c.Kind == kind).Sum(c => c.Count);
        return new AllocationExceptionCounts(Of(AllocationExceptionKind.CompetenceOverride), Of(AllocationExceptionKind.BeyondCapacity));
    }

    /// <summary>
    /// Every exception event in the period with its allocation. The (few) allocations marked as made outside the rules are
    /// read first, from their own index, and their events then by subject: the event table is never scanned by date.
    /// </summary>
    /// <returns>Null when no allocation is outside the rules (nothing to ask the event table).</returns>
    private async Task<IQueryable<Row>?> RowsAsync(ExceptionsPeriod period, Guid? teamId, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var outside = db.CaseAllocations.AsNoTracking().Where(a => a.CompetenceOverrideReason != null || a.CapacityReason != null);
        if (teamId is { } team) outside = outside.Where(a => a.TeamId == team);
        var ids = (await outside.Select(a => a.Id).ToListAsync(ct)).Select(id => (Guid?)id).ToList();
        if (ids.Count == 0) return null;
        var (competence, capacity) = (CompetenceOverridden.Name, AllocatedOverCapacity.Name);
        return from e in db.Events.AsNoTracking()
            where ids.Contains(e.SubjectId) && (e.Type == competence || e.Type == capacity) && e.OccurredAt >= start && e.OccurredAt < end
            join a in db.CaseAllocations.AsNoTracking() on e.SubjectId equals (Guid?)a.Id
            select new Row
            {
                Kind = e.Type == competence ? AllocationExceptionKind.CompetenceOverride : AllocationExceptionKind.BeyondCapacity,
                Event = e,
                Allocation = a,
            };
    }
}
