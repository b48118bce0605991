using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.Enquiries;

/// <summary>A section 47 enquiry as its outcome page shows it.</summary>
public sealed record EnquiryView(Guid Id, Guid PersonId, string ChildName, DateOnly StartedOn, DateOnly? InitialConferenceTargetOn, DateOnly? EndedOn,
    Section47Outcome? Outcome, string? OutcomeReasons, int Version);

/// <summary>
/// Concluding a section 47 enquiry (docs/enquiries.md): its outcome with reasons, in one save with its event. An outcome
/// other than an initial conference records "conference not required" and closes the conference's work item; a
/// conference outcome leaves that item open until the conference is held. A child in need plan outcome starts one.
/// </summary>
public sealed class Section47Outcomes(SafeguardDbContext db, WorkItems work, ChildInNeedPlans childInNeedPlans)
{
    public const int ReasonsMaxLength = 8000;

    public async Task<EnquiryView?> FindAsync(Guid enquiryId, CancellationToken ct = default) =>
        await (from e in db.Section47Enquiries.AsNoTracking()
               join p in db.People on e.PersonId equals p.Id
               where e.Id == enquiryId
               select new EnquiryView(e.Id, e.PersonId, p.GivenName + " " + p.FamilyName, e.StartedOn, e.InitialConferenceTargetOn, e.EndedOn, e.Outcome,
                   e.OutcomeReasons, e.Version))
            .SingleOrDefaultAsync(ct);

    /// <summary>The child's open enquiry, if any.</summary>
    public Task<Guid?> OpenEnquiryOfAsync(Guid personId, CancellationToken ct = default) =>
        db.Section47Enquiries.AsNoTracking().Where(e => e.PersonId == personId && e.EndedOn == null).OrderByDescending(e => e.StartedOn)
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);

    public async Task<StrategyResult> ConcludeAsync(Guid enquiryId, int expectedVersion, Section47Outcome? outcome, string? reasons,
        CancellationToken ct = default)
    {
        var enquiry = await db.Section47Enquiries.SingleOrDefaultAsync(e => e.Id == enquiryId, ct);
        if (enquiry is null) return StrategyResult.NotFound;
        var errors = new List<(string, string)>();
        if (outcome is not { } chosen || !Enum.IsDefined(chosen)) errors.Add(("Outcome", "Select the outcome of the enquiry"));
        if (string.IsNullOrWhiteSpace(reasons))
        {
            errors.Add(("Reasons", outcome is Section47Outcome.InitialChildProtectionConference or null
                ? "Enter the reasons for the outcome"
                : "Enter why a conference is not required"));
        }
        else if (reasons.Trim().Length > ReasonsMaxLength) errors.Add(("Reasons", $"The reasons must be {ReasonsMaxLength:N0} characters or fewer"));
        if (errors.Count > 0) return StrategyResult.Invalid(errors);
        if (!enquiry.IsOpen || enquiry.Version != expectedVersion) return StrategyResult.ChangedElsewhere;

        var now = db.Time.GetUtcNow();
        var today = TimeLimits.UkDay(now);
        enquiry.End(today < enquiry.StartedOn ? enquiry.StartedOn : today, outcome!.Value, reasons!.Trim());
        if (!enquiry.ConferenceRequired)
        {
            foreach (var item in await work.OpenAboutAsync(enquiry.Id, [WorkKind.InitialConference], ct)) work.Close(item, now);
        }
        db.Record(new Section47Concluded(enquiry.Id, enquiry.EndedOn!.Value, enquiry.Outcome!.Value, enquiry.OutcomeReasons!, enquiry.ConferenceRequired),
            enquiry.PersonId, nameof(Section47Enquiry), enquiry.Id, enquiry.OutcomeReasons);
        if (enquiry.Outcome == Section47Outcome.ChildInNeedPlan)
        {
            var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == enquiry.ReferralId, ct);
            await childInNeedPlans.StartAsync(referral, enquiry.EndedOn.Value, "section 47 enquiry", ct);
        }
        return await db.SaveUnlessChangedElsewhereAsync(ct) ? new StrategyResult(StrategyOutcome.Recorded, enquiry.Id, []) : StrategyResult.ChangedElsewhere;
    }
}
