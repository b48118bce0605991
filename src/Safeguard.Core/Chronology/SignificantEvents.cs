using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Text;

namespace Safeguard.Core.Chronology;

public enum SignificanceOutcome { Saved, Invalid, NotFound, AlreadyMarked, ChangedElsewhere }

public sealed record SignificanceResult(SignificanceOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static readonly SignificanceResult Saved = new(SignificanceOutcome.Saved, []);
    public static readonly SignificanceResult NotFound = new(SignificanceOutcome.NotFound, []);
    public static readonly SignificanceResult AlreadyMarked = new(SignificanceOutcome.AlreadyMarked, []);
    public static readonly SignificanceResult ChangedElsewhere = new(SignificanceOutcome.ChangedElsewhere, []);

    public static SignificanceResult Invalid(IReadOnlyList<(string, string)> errors) => new(SignificanceOutcome.Invalid, errors);
}

/// <summary>A significant event as typed on its form: when it happened, what, and where the information came from.</summary>
public sealed record SignificantEventInput(DateTimeOffset? HappenedAt, string? What, string? Source, AddedEventKind Kind = AddedEventKind.Other);

/// <summary>
/// What a worker adds to a child's chronology, as events on the child's record so nothing can be taken away: an entry
/// marked significant with the reason, and a significant event the system does not record itself. A mark or an added
/// event is never deleted. Each claims the child's record, so of two made at the same moment one is kept and the other
/// is told to look again.
/// </summary>
public sealed class SignificantEvents(SafeguardDbContext db)
{
    public const int ReasonMaxLength = 1000, WhatMaxLength = 4000, SourceMaxLength = 200;

    public const string SubjectType = "Chronology";

    /// <summary>Marks the entry (the event <paramref name="eventId"/> of the child's chronology) significant; one mark per entry.</summary>
    public async Task<SignificanceResult> MarkAsync(Guid personId, long eventId, string? reason, CancellationToken ct = default)
    {
        var names = ChronologyCatalogue.EventNames.ToList();
        var records = await db.WithMergedAsync(personId, ct);
        if (!await db.Events.AsNoTracking().AnyAsync(e => e.Id == eventId && e.PersonId != null && records.Contains(e.PersonId.Value) && names.Contains(e.Type), ct))
        {
            return SignificanceResult.NotFound;
        }
        var errors = new List<(string, string)>();
        RequiredText.Check("Reason", reason, ReasonMaxLength, "Enter why this is significant", errors);
        if (errors.Count > 0) return SignificanceResult.Invalid(errors);
        var person = await db.People.SingleAsync(p => p.Id == personId, ct);
        if ((await MarksAsync(personId, ct)).ContainsKey(eventId)) return SignificanceResult.AlreadyMarked;

        db.Claim(person);
        db.Record(new ChronologyEntryMarkedSignificant(eventId, reason!.Trim()), personId, SubjectType, null);
        return await db.SaveUnlessChangedElsewhereAsync(ct) ? SignificanceResult.Saved : SignificanceResult.ChangedElsewhere;
    }

    /// <summary>Adds a significant event to the child's chronology.</summary>
    public async Task<SignificanceResult> AddAsync(Guid personId, SignificantEventInput input, CancellationToken ct = default)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return SignificanceResult.NotFound;
        var errors = Check(input, db.Time.GetUtcNow());
        if (errors.Count > 0) return SignificanceResult.Invalid(errors);

        db.Claim(person);
        db.Record(new SignificantEventAdded(input.HappenedAt!.Value, input.What!.Trim(), input.Source!.Trim(), input.Kind), personId, SubjectType, null);
        return await db.SaveUnlessChangedElsewhereAsync(ct) ? SignificanceResult.Saved : SignificanceResult.ChangedElsewhere;
    }

    /// <summary>What an added event needs, every problem at once: when (not in the future), what, and the source.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(SignificantEventInput input, DateTimeOffset now)
    {
        var errors = new List<(string, string)>();
        if (input.HappenedAt is not { } at) errors.Add(("HappenedOn", "Enter the date it happened"));
        else if (at > now) errors.Add(("HappenedOn", "It must have happened already: enter today or a day before"));
        RequiredText.Check("What", input.What, WhatMaxLength, "Enter what happened", errors);
        RequiredText.Check("Source", input.Source, SourceMaxLength, "Enter where the information came from", errors);
        return errors;
    }

    /// <summary>The child's marks, by the event each marks: why, who marked it, and when.</summary>
    public async Task<IReadOnlyDictionary<long, Significance>> MarksAsync(Guid personId, CancellationToken ct = default)
    {
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.PersonId == personId && e.Type == ChronologyEntryMarkedSignificant.Name)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Data, e.ActorName, e.OccurredAt })
            .ToListAsync(ct);
        var marks = new Dictionary<long, Significance>();
        foreach (var row in rows)
        {
            if (EventCatalogue.Read(ChronologyEntryMarkedSignificant.Name, row.Data) is ChronologyEntryMarkedSignificant mark)
            {
                marks.TryAdd(mark.EventId, new Significance(mark.Reason, row.ActorName, row.OccurredAt));
            }
        }
        return marks;
    }
}

/// <summary>Why an entry is significant, who said so, and when.</summary>
public sealed record Significance(string Reason, string By, DateTimeOffset At);
