using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Recommendations;

/// <summary>One recommendation in a list.</summary>
public sealed record RecommendationLine(Guid Id, RecommendationSource Source, string SourceName, DateOnly SourceDate, string Text, Guid OwnerUserId,
    string OwnerName, DateOnly DueOn, ShownStatus Status, int Actions, int Evidence);

/// <summary>What a list is narrowed to; null shows all.</summary>
public sealed record RecommendationFilter(ShownStatus? Status = null, RecommendationSource? Source = null, Guid? OwnerUserId = null);

/// <summary>The director's summary: counts by status and by source, the overdue first, then those due within 30 days.</summary>
public sealed record RecommendationSummary(IReadOnlyDictionary<ShownStatus, int> ByStatus, IReadOnlyDictionary<RecommendationSource, int> BySource,
    IReadOnlyList<RecommendationLine> Overdue, IReadOnlyList<RecommendationLine> DueSoon, int Total);

/// <summary>Evidence as shown: a link to a child's record shows the child's name, or the restricted title to people not on its list.</summary>
public sealed record EvidenceLine(Guid Id, string Text, Guid? PersonId, string? PersonName, string? LinkPath, string AddedBy, DateTimeOffset AddedAt);

public sealed record ActionLine(Guid Id, int Number, string Text, string? OwnerName, DateOnly? DueOn, IReadOnlyList<EvidenceLine> Evidence);

public sealed record RecommendationDetail(RecommendationLine Line, RecommendationStatus StoredStatus, DateTimeOffset DueAt, DateTimeOffset? CompletedAt,
    int Version, IReadOnlyList<ActionLine> Actions);

public sealed record ExportedAction(Guid RecommendationId, int Number, string Text, string? OwnerName, DateOnly? DueOn, IReadOnlyList<string> Evidence);

/// <summary>Reading the tracker: lists, one recommendation with its actions and evidence, its history (from its events), the summary.</summary>
public sealed class RecommendationViews(SafeguardDbContext db, NeedToKnow needToKnow)
{
    public const int DueSoonDays = 30;

    public async Task<IReadOnlyList<RecommendationLine>> ListAsync(RecommendationFilter? filter = null, CancellationToken ct = default)
    {
        filter ??= new RecommendationFilter();
        var now = db.Time.GetUtcNow();
        var rows = db.Recommendations.AsNoTracking();
        if (filter.Source is { } source) rows = rows.Where(r => r.Source == source);
        if (filter.OwnerUserId is { } owner) rows = rows.Where(r => r.OwnerUserId == owner);
        rows = filter.Status switch
        {
            ShownStatus.Overdue => rows.Where(r => r.Status != RecommendationStatus.Completed && r.DueAt < now),
            ShownStatus.Completed => rows.Where(r => r.Status == RecommendationStatus.Completed),
            ShownStatus.NotStarted => rows.Where(r => r.Status == RecommendationStatus.NotStarted && r.DueAt >= now),
            ShownStatus.OnTrack => rows.Where(r => r.Status == RecommendationStatus.OnTrack && r.DueAt >= now),
            ShownStatus.AtRisk => rows.Where(r => r.Status == RecommendationStatus.AtRisk && r.DueAt >= now),
            _ => rows,
        };
        var found = await (from r in rows
                           join u in db.Users on r.OwnerUserId equals u.Id
                           orderby r.DueOn, r.CreatedAt
                           select new
                           {
                               r.Id, r.Source, r.SourceName, r.SourceDate, r.Text, r.OwnerUserId, Owner = u.DisplayName, r.DueOn, r.DueAt, r.Status,
                               Actions = db.RecommendationActions.Count(a => a.RecommendationId == r.Id),
                               Evidence = db.RecommendationEvidence.Count(e => e.RecommendationId == r.Id),
                           })
            .ToListAsync(ct);
        return found.Select(r => new RecommendationLine(r.Id, r.Source, r.SourceName, r.SourceDate, r.Text, r.OwnerUserId, r.Owner, r.DueOn,
                RecommendationOverdueRule.Shown(r.Status, r.DueAt, now), r.Actions, r.Evidence))
            .ToList();
    }

    public async Task<RecommendationSummary> SummaryAsync(CancellationToken ct = default)
    {
        var all = await ListAsync(null, ct);
        var today = TimeLimits.UkDay(db.Time.GetUtcNow());
        var byStatus = Enum.GetValues<ShownStatus>().ToDictionary(s => s, s => all.Count(r => r.Status == s));
        var bySource = Enum.GetValues<RecommendationSource>().ToDictionary(s => s, s => all.Count(r => r.Source == s));
        var overdue = all.Where(r => r.Status == ShownStatus.Overdue).OrderBy(r => r.DueOn).ToList();
        var dueSoon = all.Where(r => r.Status is not (ShownStatus.Overdue or ShownStatus.Completed) && r.DueOn <= today.AddDays(DueSoonDays))
            .OrderBy(r => r.DueOn).ToList();
        return new RecommendationSummary(byStatus, bySource, overdue, dueSoon, all.Count);
    }

    /// <summary>One recommendation with its actions and evidence; children linked as evidence are listed in the audit.</summary>
    public async Task<RecommendationDetail?> DetailAsync(Guid id, CancellationToken ct = default)
    {
        var r = await db.Recommendations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var now = db.Time.GetUtcNow();
        var actions = await (from a in db.RecommendationActions.AsNoTracking()
                             where a.RecommendationId == id
                             orderby a.Number
                             select new { a.Id, a.Number, a.Text, a.DueOn, Owner = db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var hidden = needToKnow.Hidden();
        var evidence = await (from e in db.RecommendationEvidence.AsNoTracking()
                              where e.RecommendationId == id
                              orderby e.AddedAt
                              select new
                              {
                                  e.Id, e.ActionId, e.Text, e.PersonId, e.LinkPath, e.AddedAt,
                                  AddedBy = db.Users.Where(u => u.Id == e.AddedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                                  Person = db.People.Where(p => p.Id == e.PersonId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
                                  Hidden = e.PersonId != null && hidden.Contains(e.PersonId.Value),
                              })
            .ToListAsync(ct);
        var shown = evidence.Where(e => e.PersonId is not null && !e.Hidden).Select(e => e.PersonId!.Value).ToList();
        await needToKnow.RecordListedAsync("the evidence of a review recommendation", shown, ct);
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == r.OwnerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";
        var line = new RecommendationLine(r.Id, r.Source, r.SourceName, r.SourceDate, r.Text, r.OwnerUserId, owner, r.DueOn,
            RecommendationOverdueRule.Shown(r.Status, r.DueAt, now), actions.Count, evidence.Count);
        return new RecommendationDetail(line, r.Status, r.DueAt, r.CompletedAt, r.Version,
            actions.Select(a => new ActionLine(a.Id, a.Number, a.Text, a.Owner, a.DueOn,
                    evidence.Where(e => e.ActionId == a.Id)
                        .Select(e => new EvidenceLine(e.Id, e.Text, e.PersonId, e.Hidden ? NeedToKnow.RestrictedTitle : e.Person?.Trim(), e.LinkPath,
                            e.AddedBy, e.AddedAt))
                        .ToList()))
                .ToList());
    }

    /// <summary>Every action of every recommendation with its evidence in words, for the export.</summary>
    public async Task<IReadOnlyList<ExportedAction>> ActionsForExportAsync(CancellationToken ct = default)
    {
        var actions = await (from a in db.RecommendationActions.AsNoTracking()
                             orderby a.RecommendationId, a.Number
                             select new
                             {
                                 a.Id, a.RecommendationId, a.Number, a.Text, a.DueOn,
                                 Owner = db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(),
                             })
            .ToListAsync(ct);
        var evidence = (await db.RecommendationEvidence.AsNoTracking().OrderBy(e => e.AddedAt).Select(e => new { e.ActionId, e.Text }).ToListAsync(ct))
            .ToLookup(e => e.ActionId, e => e.Text);
        return actions.Select(a => new ExportedAction(a.RecommendationId, a.Number, a.Text, a.Owner, a.DueOn, evidence[a.Id].ToList())).ToList();
    }

    /// <summary>Every update of the recommendation, newest first, read from its events.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid id, CancellationToken ct = default)
    {
        var events = await db.Events.AsNoTracking()
            .Where(e => e.SubjectType == nameof(Recommendation) && e.SubjectId == id)
            .OrderByDescending(e => e.Id)
            .Select(e => new HistoryEvent(e.OccurredAt, e.ActorName, e.Type, e.Summary, e.Reason, e.SubjectType, e.SubjectId))
            .ToListAsync(ct);
        return HistoryGrouping.Group(events);
    }
}
