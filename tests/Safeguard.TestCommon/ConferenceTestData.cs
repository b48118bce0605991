using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.CaseWork;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.Conferences;
using Safeguard.Core.Data;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.TestCommon;

/// <summary>Section 47 enquiries and conferences made through the services, for conference tests.</summary>
public static class ConferenceTestData
{
    public static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();

    public static StrategyDiscussions Strategy(SafeguardDbContext db) => new(db, new WorkItems(db, new WorkClocks(Calendar)), Calendar);

    public static Section47Outcomes Outcomes(SafeguardDbContext db) => new(db, new WorkItems(db, new WorkClocks(Calendar)), ChildInNeedPlanService(db));

    public static ChildProtectionConferences ConferenceService(SafeguardDbContext db) =>
        new(db, new WorkItems(db, new WorkClocks(Calendar)), Calendar, Visits(db), ChildInNeedPlanService(db));

    public static ChildInNeedPlans ChildInNeedPlanService(SafeguardDbContext db, VisitSettings? settings = null) =>
        new(db, new WorkItems(db, new WorkClocks(Calendar)), Calendar, Microsoft.Extensions.Options.Options.Create(settings ?? new VisitSettings()));

    public static ProtectionVisits Visits(SafeguardDbContext db) =>
        new(db, new WorkItems(db, new WorkClocks(Calendar)), Calendar, Microsoft.Extensions.Options.Options.Create(new VisitSettings()));

    public static CaseNotes CaseNoteService(SafeguardDbContext db) => new(db, Visits(db));

    /// <summary>
    /// A strategy discussion an hour before now about <paramref name="personId"/> (all four agencies), deciding a section 47
    /// enquiry, concluded at once (by <paramref name="worker"/>) with an initial conference as its outcome. Returns the enquiry's id.
    /// </summary>
    public static async Task<Guid> EnquiryNeedingConferenceAsync(TestDatabase database, TimeProvider time, StaffUser worker, Guid personId)
    {
        var actor = new Actor(worker.Id, worker.DisplayName);
        await using (var db = database.CreateContext(time, actor))
        {
            var input = new StrategyDiscussionInput(personId, time.GetUtcNow().AddHours(-1),
                [new(Agency.ChildrensSocialCare, worker.DisplayName, "Social worker"), new(Agency.Police, "DC Alex Moore", "CAIU"),
                    new(Agency.Health, "Dr Ama Osei", "GP"), new(Agency.Education, "Mrs Price", "Head teacher")],
                null, null, null, "Bruising to the face seen at school.", true, "Reasonable cause to suspect significant harm.", []);
            var held = await Strategy(db).RecordAsync(input);
            if (held.Outcome != StrategyOutcome.Recorded) throw new InvalidOperationException(string.Join("; ", held.Errors.Select(e => e.Message)));
        }
        Guid enquiryId;
        await using (var db = database.CreateContext(time, Actor.System))
        {
            enquiryId = await db.Section47Enquiries.Where(e => e.PersonId == personId && e.EndedOn == null).Select(e => e.Id).SingleAsync();
        }
        await using (var db = database.CreateContext(time, actor))
        {
            var concluded = await Outcomes(db).ConcludeAsync(enquiryId, 1, Section47Outcome.InitialChildProtectionConference, "Concerns substantiated.");
            if (concluded.Outcome != StrategyOutcome.Recorded) throw new InvalidOperationException(string.Join("; ", concluded.Errors.Select(e => e.Message)));
        }
        return enquiryId;
    }

    /// <summary>A conference form filled in as a chair would: children's social care, police and health attending, parents present.</summary>
    public static ConferenceInput Input(DateTimeOffset heldAt, Guid chairId, bool plan = true, AbuseCategory? category = AbuseCategory.Neglect,
        string? endReason = null) =>
        new(heldAt, chairId,
            [new(Agency.ChildrensSocialCare, "Sam Okafor", "Social worker"), new(Agency.Police, "DC Alex Moore", "CAIU"), new(Agency.Health, "Jo Bell", "Health visitor")],
            FamilyAttendance.Attended, "Mother and father attended", plan, category, "Risk of significant harm from neglect.", endReason);
}
