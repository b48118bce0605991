using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;

namespace Safeguard.Core.Performance;

/// <summary>A child named in a list behind a figure; a restricted child the reader may not see reads <see cref="NeedToKnow.RestrictedTitle"/>.</summary>
public sealed record ListedChild(Guid PersonId, string Name, bool Restricted);

/// <summary>
/// One row of the list behind a figure: the children (one, a contact's children, or none for a list of workers), the
/// worker (for the measures about workers), the dates used, and whether it met the measure.
/// </summary>
public sealed record MeasureListRow(IReadOnlyList<ListedChild> Children, DateTimeOffset? Start, DateTimeOffset? End, bool Met, string? Worker = null);

/// <summary>One page of the list behind a figure: <see cref="Total"/> and <see cref="Met"/> are the figure's denominator and numerator.</summary>
public sealed record MeasureList(IReadOnlyList<MeasureListRow> Rows, int Total, int Met, int Page, int PageSize);

/// <summary>
/// The children or work behind one figure, a page at a time. Every counted item is listed (so the list agrees with the
/// figure); a restricted child the reader may not see is shown as <see cref="NeedToKnow.RestrictedTitle"/> with no
/// link. The children shown are recorded as listed to the reader (<see cref="NeedToKnow.RecordListedAsync"/>).
/// </summary>
public sealed class PerformanceLists(SafeguardDbContext db, NeedToKnow needToKnow)
{
    public const int PageSize = 50;

    public async Task<MeasureList> ListAsync(Measure measure, PerformancePeriod period, PerformanceBucket bucket, Guid? teamId, int page,
        CancellationToken ct = default)
    {
        var facts = await measure.FactsInAsync(period, bucket, teamId, ct);
        var pages = Math.Max(1, (facts.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var shown = facts.Skip((page - 1) * PageSize).Take(PageSize).ToList();

        var contactIds = measure.ListsChildren ? shown.Where(f => f.PersonId is null).Select(f => f.SubjectId).ToList() : [];
        var contactChildren = contactIds.Count == 0
            ? []
            : await db.ContactChildren.AsNoTracking().Where(c => contactIds.Contains(c.ContactId))
                .Select(c => new { c.ContactId, c.PersonId }).ToListAsync(ct);
        var personIds = shown.Where(f => f.PersonId is not null).Select(f => f.PersonId!.Value)
            .Concat(contactChildren.Select(c => c.PersonId)).Distinct().ToList();
        var hidden = needToKnow.Hidden();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName, Hidden = hidden.Contains(p.Id) })
            .ToDictionaryAsync(p => p.Id, ct);

        var workerIds = shown.Where(f => f.WorkerId is not null).Select(f => f.WorkerId!.Value).Distinct().ToList();
        var workers = workerIds.Count == 0 ? []
            : await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        ListedChild Child(Guid id) => people.TryGetValue(id, out var p) && !p.Hidden
            ? new ListedChild(id, p.Name.Trim(), false)
            : new ListedChild(id, NeedToKnow.RestrictedTitle, true);

        var rows = shown.Select(f => new MeasureListRow(
            f.PersonId is { } person ? [Child(person)] : contactChildren.Where(c => c.ContactId == f.SubjectId).Select(c => Child(c.PersonId)).ToList(),
            f.Start, f.End, f.Met, f.WorkerId is { } w ? workers.GetValueOrDefault(w, "Unknown worker") : null)).ToList();
        if (measure.ListsChildren) await needToKnow.RecordListedAsync($"the list behind a performance figure ({measure.Title})",
            rows.SelectMany(r => r.Children).Where(c => !c.Restricted).Select(c => c.PersonId).ToList(), ct);
        return new MeasureList(rows, facts.Count, facts.Count(f => f.Met), page, PageSize);
    }
}
