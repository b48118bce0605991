using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.Arrangements;

/// <summary>A proposed stay with a connected person as typed.</summary>
public sealed record ArrangementInput(string? CarerName, string? Relationship, string? Address, DateOnly? From);

/// <summary>An arrangement and its checks as its page shows them.</summary>
public sealed record ArrangementView(Guid Id, Guid PersonId, string ChildName, string CarerName, string Relationship, string Address, DateOnly From,
    ArrangementStatus Status, DateTimeOffset? AgreedAt, string? AgreedByName, string? MissingChecksReason,
    IReadOnlyList<(CarerCheckKind Kind, DateOnly? CompletedOn, string? Findings)> Checks, int Version)
{
    public IReadOnlyList<CarerCheckKind> Missing => Checks.Where(c => c.CompletedOn is null).Select(c => c.Kind).ToList();
}

public enum ArrangementOutcome { Done, NotFound, Invalid, ChangedElsewhere }

public sealed record ArrangementResult(ArrangementOutcome Outcome, Guid? Id, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static readonly ArrangementResult NotFound = new(ArrangementOutcome.NotFound, null, []);
    public static readonly ArrangementResult ChangedElsewhere = new(ArrangementOutcome.ChangedElsewhere, null, []);

    public static ArrangementResult Invalid(params (string, string)[] errors) => new(ArrangementOutcome.Invalid, null, errors);
}

/// <summary>
/// Connected-person (temporary carer) checks before a child stays with a relative or family friend under a safety plan
/// (docs/arrangements.md): each check is work for the child's worker until done; the arrangement is agreed once every
/// check is done, or by a manager, with a reason, while some are missing, which then stay open (and late) as work.
/// </summary>
public sealed class CarerArrangements(SafeguardDbContext db, WorkItems work)
{
    public const int TextMaxLength = 400;
    public const int ReasonMaxLength = 2000;

    public async Task<ArrangementResult> ProposeAsync(Guid personId, ArrangementInput input, CancellationToken ct = default)
    {
        if (db.Actor.UserId is not { } proposer) return ArrangementResult.NotFound;
        var referral = await db.Referrals.AsNoTracking().Where(r => r.PersonId == personId && r.Status != ReferralStatus.Closed)
            .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(ct);
        if (referral is null) return ArrangementResult.NotFound;
        var today = TimeLimits.UkDay(db.Time.GetUtcNow());
        var errors = new List<(string, string)>();
        Required("CarerName", input.CarerName, "Enter the carer's name", errors);
        Required("Relationship", input.Relationship, "Enter how the carer is connected to the child", errors);
        Required("Address", input.Address, "Enter where the child would stay", errors);
        if (input.From is not { } from) errors.Add(("From", "Enter the date the child would stay from"));
        else if (from < today.AddDays(-7)) errors.Add(("From", "The date the child would stay from must be within the last week or later"));
        if (errors.Count > 0) return ArrangementResult.Invalid([.. errors]);

        var arrangement = new CarerArrangement(personId, referral.Id, input.CarerName!.Trim(), input.Relationship!.Trim(), input.Address!.Trim(), input.From!.Value, proposer);
        db.CarerArrangements.Add(arrangement);
        // Due before the stay begins: by the end of the day before it, or of today when it begins today or began already.
        var dueOn = arrangement.From.AddDays(-1) < today ? today : arrangement.From.AddDays(-1);
        var child = await db.PersonNameAsync(personId, ct);
        foreach (var kind in Enum.GetValues<CarerCheckKind>())
        {
            var check = new CarerCheck(arrangement.Id, kind);
            db.CarerChecks.Add(check);
            var item = work.Open(WorkKind.CarerCheck, check.Id, $"{kind.Words()}: {arrangement.CarerName} for {child}", referral.TeamId, Priority.Urgent, personId,
                db.Time.GetUtcNow(), TimeLimits.EndOfDay(dueOn));
            if (referral.AllocatedWorkerId is { } worker) work.Reassign(item, referral.TeamId, worker);
        }
        db.Record(new ArrangementProposed(arrangement.Id, arrangement.CarerName, arrangement.Relationship, arrangement.From), personId,
            nameof(CarerArrangement), arrangement.Id);
        await db.SaveChangesAsync(ct);
        return new ArrangementResult(ArrangementOutcome.Done, arrangement.Id, []);
    }

    public async Task<ArrangementResult> RecordCheckAsync(Guid arrangementId, CarerCheckKind kind, DateOnly? completedOn, string? findings,
        CancellationToken ct = default)
    {
        if (db.Actor.UserId is not { } recorder) return ArrangementResult.NotFound;
        var check = await db.CarerChecks.SingleOrDefaultAsync(c => c.ArrangementId == arrangementId && c.Kind == kind, ct);
        var arrangement = await db.CarerArrangements.SingleOrDefaultAsync(a => a.Id == arrangementId, ct);
        if (check is null || arrangement is null) return ArrangementResult.NotFound;
        var today = TimeLimits.UkDay(db.Time.GetUtcNow());
        var errors = new List<(string, string)>();
        if (completedOn is not { } on) errors.Add(("CompletedOn", $"Enter the date the {kind.Words().ToLowerInvariant()} were completed"));
        else if (on > today) errors.Add(("CompletedOn", "The date must be today or in the past"));
        Required("Findings", findings, $"Enter what the {kind.Words().ToLowerInvariant()} found", errors, ReasonMaxLength);
        if (errors.Count > 0) return ArrangementResult.Invalid([.. errors]);
        if (check.IsDone) return ArrangementResult.ChangedElsewhere;

        check.Complete(completedOn!.Value, findings!.Trim(), recorder);
        foreach (var item in await work.OpenAboutAsync(check.Id, [WorkKind.CarerCheck], ct)) work.Close(item);
        db.Claim(arrangement);
        db.Record(new CarerCheckCompleted(arrangementId, kind, check.CompletedOn!.Value), arrangement.PersonId, nameof(CarerArrangement), arrangementId);
        return await db.SaveUnlessChangedElsewhereAsync(ct) ? new ArrangementResult(ArrangementOutcome.Done, arrangementId, []) : ArrangementResult.ChangedElsewhere;
    }

    /// <summary>
    /// Agrees the arrangement from <paramref name="expectedVersion"/>. With checks missing only <paramref name="asManager"/>,
    /// with <paramref name="missingChecksReason"/>; the missing checks stay open as work.
    /// </summary>
    public async Task<ArrangementResult> AgreeAsync(Guid arrangementId, int expectedVersion, bool asManager, string? missingChecksReason,
        CancellationToken ct = default)
    {
        if (db.Actor.UserId is not { } agreer) return ArrangementResult.NotFound;
        var arrangement = await db.CarerArrangements.SingleOrDefaultAsync(a => a.Id == arrangementId, ct);
        if (arrangement is null) return ArrangementResult.NotFound;
        var missing = (await db.CarerChecks.AsNoTracking().Where(c => c.ArrangementId == arrangementId && c.CompletedOn == null)
            .Select(c => c.Kind).ToListAsync(ct)).Order().ToList();
        if (missing.Count > 0 && !asManager)
        {
            return ArrangementResult.Invalid(("", "Checks are still missing: only a manager can agree the arrangement now, with a reason"));
        }
        if (missing.Count > 0)
        {
            var errors = new List<(string, string)>();
            Required("MissingChecksReason", missingChecksReason, "Enter why the child may stay before every check is done", errors, ReasonMaxLength);
            if (errors.Count > 0) return ArrangementResult.Invalid([.. errors]);
        }
        if (arrangement.Status == ArrangementStatus.Agreed || arrangement.Version != expectedVersion) return ArrangementResult.ChangedElsewhere;

        var reason = missing.Count > 0 ? missingChecksReason!.Trim() : null;
        arrangement.Agree(db.Time.GetUtcNow(), agreer, reason);
        db.Record(new ArrangementAgreed(arrangement.Id, missing, reason), arrangement.PersonId, nameof(CarerArrangement), arrangement.Id, reason);
        return await db.SaveUnlessChangedElsewhereAsync(ct) ? new ArrangementResult(ArrangementOutcome.Done, arrangementId, []) : ArrangementResult.ChangedElsewhere;
    }

    public async Task<ArrangementView?> FindAsync(Guid arrangementId, CancellationToken ct = default)
    {
        var row = await (from ar in db.CarerArrangements.AsNoTracking()
                         join p in db.People on ar.PersonId equals p.Id
                         where ar.Id == arrangementId
                         select new { ar, Child = p.GivenName + " " + p.FamilyName, AgreedBy = db.Users.Where(u => u.Id == ar.AgreedBy).Select(u => u.DisplayName).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var checks = (await db.CarerChecks.AsNoTracking().Where(c => c.ArrangementId == arrangementId).ToListAsync(ct))
            .OrderBy(c => c.Kind).Select(c => (c.Kind, c.CompletedOn, c.Findings)).ToList();
        var a = row.ar;
        return new ArrangementView(a.Id, a.PersonId, row.Child.Trim(), a.CarerName, a.Relationship, a.Address, a.From, a.Status, a.AgreedAt, row.AgreedBy,
            a.MissingChecksReason, checks, a.Version);
    }

    /// <summary>A child's arrangements with connected people, the latest first, with how many checks are still missing.</summary>
    public async Task<IReadOnlyList<(Guid Id, string CarerName, DateOnly From, ArrangementStatus Status, int Missing)>> ForChildAsync(Guid personId,
        CancellationToken ct = default) =>
        (await db.CarerArrangements.AsNoTracking().Where(a => a.PersonId == personId)
            .Select(a => new { a.Id, a.CarerName, a.From, a.Status, Missing = db.CarerChecks.Count(c => c.ArrangementId == a.Id && c.CompletedOn == null) })
            .ToListAsync(ct))
        .OrderByDescending(a => a.From).Select(a => (a.Id, a.CarerName, a.From, a.Status, a.Missing)).ToList();

    /// <summary>Whether the child has an open case to propose an arrangement in.</summary>
    public Task<bool> HasOpenCaseAsync(Guid personId, CancellationToken ct = default) =>
        db.Referrals.AnyAsync(r => r.PersonId == personId && r.Status != ReferralStatus.Closed, ct);

    private static void Required(string field, string? text, string missing, List<(string, string)> errors, int max = TextMaxLength)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.Add((field, missing));
        else if (text.Trim().Length > max) errors.Add((field, $"This must be {max:N0} characters or fewer"));
    }
}
