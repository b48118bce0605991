using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Attachments;

/// <summary>One step of a child's record a document can belong to, in words ("Strategy discussion, 3 March 2026").</summary>
public sealed record AttachmentStep(AttachmentStepKind Kind, Guid Id, string Words, DateTimeOffset At);

/// <summary>The steps of a child's record (theirs and those of records merged into theirs), the latest first, for a worker to choose from.</summary>
public static class AttachmentSteps
{
    public static async Task<IReadOnlyList<AttachmentStep>> ForChildAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> records, CancellationToken ct = default)
    {
        var steps = new List<AttachmentStep>();
        foreach (var c in await (from cc in db.ContactChildren.AsNoTracking()
                                 join contact in db.Contacts.AsNoTracking() on cc.ContactId equals contact.Id
                                 where records.Contains(cc.PersonId)
                                 select new { contact.Id, contact.Reference, contact.ReceivedAt }).Distinct().ToListAsync(ct))
        {
            steps.Add(new(AttachmentStepKind.Contact, c.Id, $"Contact {c.Reference}, {Day(c.ReceivedAt)}", c.ReceivedAt));
        }
        foreach (var a in await db.Assessments.AsNoTracking().Where(a => records.Contains(a.PersonId)).Select(a => new { a.Id, a.StartedOn }).ToListAsync(ct))
        {
            steps.Add(new(AttachmentStepKind.Assessment, a.Id, $"Child and family assessment started {Day(a.StartedOn)}", Start(a.StartedOn)));
        }
        foreach (var s in await db.StrategyDiscussions.AsNoTracking().Where(s => records.Contains(s.PersonId)).Select(s => new { s.Id, s.HeldAt }).ToListAsync(ct))
        {
            steps.Add(new(AttachmentStepKind.StrategyDiscussion, s.Id, $"Strategy discussion, {Day(s.HeldAt)}", s.HeldAt));
        }
        foreach (var c in await db.ChildProtectionConferences.AsNoTracking().Where(c => records.Contains(c.PersonId))
                     .Select(c => new { c.Id, c.Kind, c.HeldAt }).ToListAsync(ct))
        {
            var kind = c.Kind == Conferences.ConferenceKind.Initial ? "Initial" : "Review";
            steps.Add(new(AttachmentStepKind.Conference, c.Id, $"{kind} child protection conference, {Day(c.HeldAt)}", c.HeldAt));
        }
        foreach (var p in await db.ChildPlans.AsNoTracking().Where(p => records.Contains(p.PersonId)).Select(p => new { p.Id, p.Kind, p.StartedOn }).ToListAsync(ct))
        {
            var kind = p.Kind == PlanKind.ChildProtection ? "Child protection plan" : "Child in need plan";
            steps.Add(new(AttachmentStepKind.Plan, p.Id, $"{kind} from {Day(p.StartedOn)}", Start(p.StartedOn)));
        }
        foreach (var n in await db.CaseNotes.AsNoTracking().Where(n => records.Contains(n.PersonId)).Select(n => new { n.Id, n.Kind, n.OccurredAt }).ToListAsync(ct))
        {
            steps.Add(new(AttachmentStepKind.CaseNote, n.Id, $"Case note: {Audit.EventCatalogue.Humanise(n.Kind.ToString()).ToLowerInvariant()}, {Day(n.OccurredAt)}", n.OccurredAt));
        }
        return steps.OrderByDescending(s => s.At).ThenBy(s => s.Words, StringComparer.Ordinal).ToList();
    }

    private static DateTimeOffset Start(DateOnly day) => TimeLimits.UkLocal(day, TimeOnly.MinValue);

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset at) => Day(TimeLimits.UkDay(at));
}
