using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Recommendations;

/// <summary>
/// Adding and changing recommendations (docs/recommendations.md). Each change is checked first (every problem at once),
/// then saved in one transaction with its typed event and the change to its work item; each is made from the version the
/// person was looking at, and a recommendation changed meanwhile is not overwritten.
/// </summary>
public sealed class Recommendations(SafeguardDbContext db, WorkItems work, IWorkingDayCalendar calendar)
{
    public async Task<RecommendationResult> AddAsync(RecommendationInput input, CancellationToken ct = default)
    {
        var errors = await CheckAsync(input, ct);
        if (errors.Count > 0) return RecommendationResult.Invalid(errors);
        var now = db.Time.GetUtcNow();
        var owner = await OwnerAsync(input.OwnerUserId!.Value, ct);
        var dueOn = input.DueOn!.Value;
        var recommendation = new Recommendation(input.Source!.Value, input.SourceName!.Trim(), input.SourceDate!.Value, input.Text!.Trim(),
            owner.Id, dueOn, RecommendationDueRule.DueAt(calendar, dueOn), now);
        db.Recommendations.Add(recommendation);
        db.Record(new RecommendationAdded(recommendation.Id, recommendation.Source, recommendation.SourceName, recommendation.SourceDate,
            recommendation.Text, owner.Id, owner.Name, dueOn), null, nameof(Recommendation), recommendation.Id);
        var team = await TeamOfAsync(owner, ct);
        var item = work.Open(WorkKind.Recommendation, recommendation.Id, WorkTitle(recommendation), team, Priority.Standard, null, now,
            recommendation.DueAt);
        work.Reassign(item, team, owner.Id);
        await db.SaveChangesAsync(ct);
        return RecommendationResult.Saved(recommendation.Id);
    }

    /// <summary>Changes the words, the source, the owner and the due date; the work item follows its owner and due time.</summary>
    public async Task<RecommendationResult> ChangeAsync(Guid id, int expectedVersion, RecommendationInput input, CancellationToken ct = default)
    {
        var recommendation = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (recommendation is null) return RecommendationResult.NotFound;
        var errors = await CheckAsync(input, ct);
        if (errors.Count > 0) return RecommendationResult.Invalid(errors);
        if (recommendation.Version != expectedVersion) return RecommendationResult.ChangedElsewhere;

        var item = (await work.OpenAboutAsync(id, [WorkKind.Recommendation], ct)).SingleOrDefault();
        var (source, sourceName, sourceDate, text) = (input.Source!.Value, input.SourceName!.Trim(), input.SourceDate!.Value, input.Text!.Trim());
        if (source != recommendation.Source || sourceName != recommendation.SourceName || sourceDate != recommendation.SourceDate
            || text != recommendation.Text)
        {
            recommendation.Describe(source, sourceName, sourceDate, text);
            db.Record(new RecommendationTextChanged(id, source, sourceName, sourceDate, text), null, nameof(Recommendation), id);
            if (item is not null) work.Retitle(item, WorkTitle(recommendation));
        }
        if (input.OwnerUserId!.Value != recommendation.OwnerUserId)
        {
            var before = await NameAsync(recommendation.OwnerUserId, ct);
            var owner = await OwnerAsync(input.OwnerUserId.Value, ct);
            recommendation.GiveTo(owner.Id);
            db.Record(new RecommendationOwnerChanged(id, owner.Id, before, owner.Name), null, nameof(Recommendation), id);
            if (item is not null) work.Reassign(item, await TeamOfAsync(owner, ct), owner.Id);
        }
        if (input.DueOn!.Value != recommendation.DueOn)
        {
            var before = recommendation.DueOn;
            recommendation.DueBy(input.DueOn.Value, RecommendationDueRule.DueAt(calendar, input.DueOn.Value));
            db.Record(new RecommendationDueChanged(id, before, recommendation.DueOn), null, nameof(Recommendation), id);
            if (item is not null) work.Reprioritise(item, item.Priority, recommendation.DueAt);
        }
        return await SaveAsync(recommendation, ct);
    }

    /// <summary>A new status; completing needs evidence (<see cref="CompletionNeedsEvidenceRule"/>) and closes the work item.</summary>
    public async Task<RecommendationResult> ChangeStatusAsync(Guid id, int expectedVersion, RecommendationStatus? status, CancellationToken ct = default)
    {
        var recommendation = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (recommendation is null) return RecommendationResult.NotFound;
        if (status is not { } to) return RecommendationResult.Invalid([("Status", "Select the status")]);
        var evidence = await db.RecommendationEvidence.CountAsync(e => e.RecommendationId == id, ct);
        if (!CompletionNeedsEvidenceRule.Allows(to, evidence)) return RecommendationResult.Invalid([("Status", CompletionNeedsEvidenceRule.Message)]);
        if (recommendation.Version != expectedVersion || recommendation.IsCompleted) return RecommendationResult.ChangedElsewhere;
        if (to == recommendation.Status) return RecommendationResult.Saved(id);

        var from = recommendation.Status;
        recommendation.SetStatus(to, db.Time.GetUtcNow());
        if (to == RecommendationStatus.Completed)
        {
            db.Record(new RecommendationCompleted(id, from, evidence), null, nameof(Recommendation), id);
            foreach (var item in await work.OpenAboutAsync(id, [WorkKind.Recommendation], ct)) work.Close(item);
        }
        else
        {
            db.Record(new RecommendationStatusChanged(id, from, to), null, nameof(Recommendation), id);
        }
        return await SaveAsync(recommendation, ct);
    }

    public async Task<RecommendationResult> AddActionAsync(Guid id, int expectedVersion, ActionInput input, CancellationToken ct = default)
    {
        var recommendation = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (recommendation is null) return RecommendationResult.NotFound;
        var errors = await CheckActionAsync(input, ct);
        if (errors.Count > 0) return RecommendationResult.Invalid(errors);
        if (recommendation.Version != expectedVersion || recommendation.IsCompleted) return RecommendationResult.ChangedElsewhere;

        var number = await db.RecommendationActions.CountAsync(a => a.RecommendationId == id, ct) + 1;
        var action = new RecommendationAction(id, number, input.Text!.Trim(), input.OwnerUserId, input.DueOn, db.Time.GetUtcNow());
        db.RecommendationActions.Add(action);
        db.Record(new RecommendationActionAdded(id, action.Id, number, action.Text, action.OwnerUserId, action.DueOn), null, nameof(Recommendation), id);
        db.Claim(recommendation);
        return await SaveAsync(recommendation, ct);
    }

    /// <summary>What is wrong with an action as typed (nothing: an empty list).</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> CheckActionAsync(ActionInput input, CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        CheckText(errors, "Text", input.Text, "Enter the action", RecommendationLimits.ActionTextMaxLength, "The action");
        if (input.OwnerUserId is { } ownerId && !await IsActiveStaffAsync(ownerId, ct)) errors.Add(("OwnerUserId", "Select an owner from the list"));
        return errors;
    }

    public async Task<RecommendationResult> AddEvidenceAsync(Guid id, int expectedVersion, EvidenceInput input, Guid addedBy, CancellationToken ct = default)
    {
        var recommendation = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (recommendation is null) return RecommendationResult.NotFound;
        var errors = new List<(string, string)>();
        var action = input.ActionId is { } actionId
            ? await db.RecommendationActions.SingleOrDefaultAsync(a => a.Id == actionId && a.RecommendationId == id, ct)
            : null;
        if (action is null) errors.Add(("ActionId", "Select the action the evidence is for"));
        CheckText(errors, "Text", input.Text, "Enter the evidence", RecommendationLimits.EvidenceTextMaxLength, "The evidence");
        if ((input.Link?.Trim().Length ?? 0) > RecommendationLimits.LinkMaxLength)
        {
            errors.Add(("Link", $"The link must be {RecommendationLimits.LinkMaxLength} characters or fewer"));
        }
        else if (!EvidenceLink.TryParse(input.Link, out var link))
        {
            errors.Add(("Link", "Enter a child's record number, or the address of a Safeguard page starting with /"));
        }
        else if (link?.PersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            errors.Add(("Link", "There is no child's record with that number"));
        }
        if (errors.Count > 0) return RecommendationResult.Invalid(errors);
        if (recommendation.Version != expectedVersion || recommendation.IsCompleted) return RecommendationResult.ChangedElsewhere;

        EvidenceLink.TryParse(input.Link, out var parsed);
        var evidence = new RecommendationEvidence(id, action!.Id, input.Text!.Trim(), parsed?.PersonId, parsed?.Path, addedBy, db.Time.GetUtcNow());
        db.RecommendationEvidence.Add(evidence);
        db.Record(new RecommendationEvidenceAdded(id, action.Id, evidence.Id, action.Number, evidence.Text, evidence.PersonId, evidence.LinkPath),
            null, nameof(Recommendation), id);
        db.Claim(recommendation);
        return await SaveAsync(recommendation, ct);
    }

    /// <summary>Staff who may own a recommendation or an action: the council's own active accounts, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> OwnersAsync(CancellationToken ct = default) =>
        (await ActiveStaff().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
        .Select(u => (u.Id, u.DisplayName)).ToList();

    private IQueryable<StaffUser> ActiveStaff() => db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.OrganisationId == null);

    private Task<bool> IsActiveStaffAsync(Guid userId, CancellationToken ct) => ActiveStaff().AnyAsync(u => u.Id == userId, ct);

    private async Task<List<(string, string)>> CheckAsync(RecommendationInput input, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (input.Source is null) errors.Add(("Source", "Select where the recommendation came from"));
        CheckText(errors, "SourceName", input.SourceName, "Enter the name or reference of the review, inspection or audit",
            RecommendationLimits.SourceNameMaxLength, "The name or reference");
        var today = TimeLimits.UkDay(db.Time.GetUtcNow());
        if (input.SourceDate is not { } sourceDate) errors.Add(("SourceDate", "Enter the date of the review, inspection or audit"));
        else if (sourceDate > today) errors.Add(("SourceDate", "The date of the review, inspection or audit must be today or in the past"));
        CheckText(errors, "Text", input.Text, "Enter the recommendation", RecommendationLimits.TextMaxLength, "The recommendation");
        if (input.OwnerUserId is not { } owner || !await IsActiveStaffAsync(owner, ct)) errors.Add(("OwnerUserId", "Select the owner"));
        if (input.DueOn is not { } due) errors.Add(("DueOn", "Enter the due date"));
        else if (input.SourceDate is { } from && due < from) errors.Add(("DueOn", "The due date must be on or after the date of the review, inspection or audit"));
        return errors;
    }

    private static void CheckText(List<(string, string)> errors, string field, string? text, string missing, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.Add((field, missing));
        else if (text.Trim().Length > max) errors.Add((field, $"{what} must be {max:N0} characters or fewer"));
    }

    private async Task<RecommendationResult> SaveAsync(Recommendation recommendation, CancellationToken ct)
    {
        try
        {
            return await db.SaveUnlessChangedElsewhereAsync(ct) ? RecommendationResult.Saved(recommendation.Id) : RecommendationResult.ChangedElsewhere;
        }
        catch (DbUpdateException ex) when (ex.Entries.Any(e => e.Entity is RecommendationAction))
        {
            // Two actions added at once from the same version both took the next number: the unique index refused the later
            // one's insert before its version check could, and it is the same answer.
            db.ChangeTracker.Clear();
            db.ChangeReason = null;
            return RecommendationResult.ChangedElsewhere;
        }
    }

    private sealed record Owner(Guid Id, string Name, Guid? TeamId);

    private async Task<Owner> OwnerAsync(Guid userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new Owner(u.Id, u.DisplayName, u.TeamId)).SingleAsync(ct);

    private async Task<string> NameAsync(Guid userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";

    /// <summary>
    /// The tray the work sits on: the owner's team; senior managers belong to none, so theirs sits on the leadership
    /// team's, where heads of service see its alert with every team's and no practice team sees its title.
    /// </summary>
    private async Task<Guid> TeamOfAsync(Owner owner, CancellationToken ct) =>
        owner.TeamId ?? await LeadershipTeam.IdAsync(db, ct);

    public static string WorkTitle(Recommendation r)
    {
        var words = $"Recommendation ({r.SourceName}): {r.Text}";
        return Text.Clip.WithMarker(words, 200);
    }
}
