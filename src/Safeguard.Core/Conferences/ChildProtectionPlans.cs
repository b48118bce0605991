using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Work;

namespace Safeguard.Core.Conferences;

/// <summary>One conference as a plan's page or a conference's page lists it.</summary>
public sealed record ConferenceLine(Guid Id, ConferenceKind Kind, DateTimeOffset HeldAt, string ChairName, bool Plan, AbuseCategory? Category);

/// <summary>A child protection plan as its page shows it, with what is due next.</summary>
public sealed record PlanView(Guid Id, Guid PersonId, string ChildName, int Number, DateOnly StartedOn, DateOnly? EndedOn, string? EndReason,
    AbuseCategory? InitialCategory, AbuseCategory? LatestCategory, DateTimeOffset? FirstCoreGroupDue, DateTimeOffset? NextReviewDue,
    IReadOnlyList<ConferenceLine> Conferences, IReadOnlyList<(DateOnly HeldOn, string Attendees, string Notes)> CoreGroups, int Version)
{
    public bool IsOpen => EndedOn is null;
}

/// <summary>A recorded conference as its page shows it.</summary>
public sealed record ConferenceView(Guid Id, ConferenceKind Kind, Guid PersonId, string ChildName, DateTimeOffset HeldAt, string ChairName,
    IReadOnlyList<(Agency Agency, string Name, string Role)> Attendees, FamilyAttendance FamilyAttendance, string FamilyAttendanceNotes,
    bool Plan, AbuseCategory? Category, string DecisionReasons, Guid? PlanId, string? EndReason);

/// <summary>Reads child protection plans and conferences for their pages and the child's record.</summary>
public sealed class ChildProtectionPlans(SafeguardDbContext db)
{
    /// <summary>"second", "third" ...: which plan this is for the child.</summary>
    public static string Ordinal(int number) => number switch
    {
        1 => "first", 2 => "second", 3 => "third", 4 => "fourth", 5 => "fifth",
        _ => $"{number}th",
    };

    public async Task<PlanView?> FindAsync(Guid planId, CancellationToken ct = default)
    {
        var row = await (from pl in db.ChildPlans.AsNoTracking()
                         join p in db.People on pl.PersonId equals p.Id
                         where pl.Id == planId && pl.Kind == PlanKind.ChildProtection
                         select new
                         {
                             Plan = pl, Child = p.GivenName + " " + p.FamilyName,
                             CoreGroupDue = db.WorkItems.Where(w => w.SubjectId == pl.Id && w.Kind == WorkKind.CoreGroup && w.ClosedAt == null)
                                 .Select(w => (DateTimeOffset?)w.DueAt).FirstOrDefault(),
                             ReviewDue = db.WorkItems.Where(w => w.SubjectId == pl.Id && w.Kind == WorkKind.ReviewConference && w.ClosedAt == null)
                                 .Select(w => (DateTimeOffset?)w.DueAt).FirstOrDefault(),
                         })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var plan = row.Plan;
        var conferences = await ConferencesOfAsync(c => c.ChildPlanId == planId, ct);
        var coreGroups = (await db.CoreGroupMeetings.AsNoTracking().Where(m => m.ChildPlanId == planId)
                .Select(m => new { m.HeldOn, m.Attendees, m.Notes }).ToListAsync(ct))
            .OrderByDescending(m => m.HeldOn).Select(m => (m.HeldOn, m.Attendees, m.Notes)).ToList();
        return new PlanView(plan.Id, plan.PersonId, row.Child.Trim(), plan.Number, plan.StartedOn, plan.EndedOn, plan.EndReason,
            AbuseCategories.FromCode(plan.InitialCategory), AbuseCategories.FromCode(plan.Category), row.CoreGroupDue, row.ReviewDue,
            conferences, coreGroups, plan.Version);
    }

    public async Task<ConferenceView?> ConferenceAsync(Guid conferenceId, CancellationToken ct = default)
    {
        var row = await (from cf in db.ChildProtectionConferences.AsNoTracking()
                         join p in db.People on cf.PersonId equals p.Id
                         where cf.Id == conferenceId
                         select new
                         {
                             cf, Child = p.GivenName + " " + p.FamilyName,
                             Chair = db.Users.Where(u => u.Id == cf.ChairId).Select(u => u.DisplayName).FirstOrDefault(),
                             EndReason = cf.Kind == ConferenceKind.Review && !cf.Plan
                                 ? db.ChildPlans.Where(pl => pl.Id == cf.ChildPlanId).Select(pl => pl.EndReason).FirstOrDefault()
                                 : null,
                         })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var attendees = (await db.ConferenceAttendees.AsNoTracking().Where(a => a.ConferenceId == conferenceId).ToListAsync(ct))
            .OrderBy(a => a.Agency).ThenBy(a => a.Name).Select(a => (a.Agency, a.Name, a.Role)).ToList();
        var c = row.cf;
        return new ConferenceView(c.Id, c.Kind, c.PersonId, row.Child.Trim(), c.HeldAt, row.Chair ?? "", attendees, c.FamilyAttendance,
            c.FamilyAttendanceNotes, c.Plan, c.Category, c.DecisionReasons, c.ChildPlanId, row.EndReason);
    }

    /// <summary>The child's section 47 enquiry whose outcome was an initial conference not yet recorded, if any.</summary>
    public Task<Guid?> EnquiryAwaitingConferenceAsync(Guid personId, CancellationToken ct = default) =>
        db.Section47Enquiries.AsNoTracking()
            .Where(e => e.PersonId == personId && e.Outcome == Section47Outcome.InitialChildProtectionConference
                && !db.ChildProtectionConferences.Any(c => c.Section47EnquiryId == e.Id))
            .OrderByDescending(e => e.StartedOn).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);

    /// <summary>A child's conferences, the latest first.</summary>
    public Task<IReadOnlyList<ConferenceLine>> ForChildAsync(Guid personId, CancellationToken ct = default) =>
        ConferencesOfAsync(c => c.PersonId == personId, ct);

    /// <summary>A child's child protection plans, the latest first: (id, which plan, started, ended, latest category).</summary>
    public async Task<IReadOnlyList<(Guid Id, int Number, DateOnly StartedOn, DateOnly? EndedOn, AbuseCategory? Category)>> PlansOfAsync(Guid personId,
        CancellationToken ct = default) =>
        (await db.ChildPlans.AsNoTracking().Where(p => p.PersonId == personId && p.Kind == PlanKind.ChildProtection)
            .Select(p => new { p.Id, p.Number, p.StartedOn, p.EndedOn, p.Category }).ToListAsync(ct))
        .OrderByDescending(p => p.StartedOn).Select(p => (p.Id, p.Number, p.StartedOn, p.EndedOn, AbuseCategories.FromCode(p.Category))).ToList();

    private async Task<IReadOnlyList<ConferenceLine>> ConferencesOfAsync(System.Linq.Expressions.Expression<Func<ChildProtectionConference, bool>> which,
        CancellationToken ct) =>
        (await db.ChildProtectionConferences.AsNoTracking().Where(which)
            .Select(c => new { c.Id, c.Kind, c.HeldAt, Chair = db.Users.Where(u => u.Id == c.ChairId).Select(u => u.DisplayName).FirstOrDefault(), c.Plan, c.Category })
            .ToListAsync(ct))
        .OrderByDescending(c => c.HeldAt).Select(c => new ConferenceLine(c.Id, c.Kind, c.HeldAt, c.Chair ?? "", c.Plan, c.Category)).ToList();
}
