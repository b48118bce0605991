using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Infrastructure;
using Safeguard.Core.CaseWork;
using Safeguard.Core.People;
using Safeguard.Core.Records;

namespace Safeguard.Web.Pages.Children.Record;

/// <summary>
/// A child's record: first their current plans and status, then details, addresses, contacts, referrals and change
/// history. Every view is audited.
/// </summary>
public sealed class IndexModel(PersonRecords people, ChildStatuses statuses, Core.People.Access.NeedToKnow needToKnow,
    Core.People.Access.AccessLists accessLists, Core.Allocation.Allocations allocations, Core.Assessments.ChildAndFamilyAssessments assessments,
    Core.Enquiries.StrategyDiscussions strategyDiscussions, Core.Enquiries.Section47Outcomes section47, Core.Conferences.ChildProtectionPlans plans,
    Core.CaseNotes.CaseNotes caseNotes, Core.Arrangements.CarerArrangements arrangements, Core.ChildInNeed.ChildInNeedPlanViews childInNeedPlans,
    Core.Chronology.Patterns.PatternAlerts patternAlerts) : PageModel
{
    public PersonRecordView Record { get; private set; } = default!;

    public ChildStatus Status { get; private set; } = default!;

    /// <summary>The child's pattern alerts, open ones first.</summary>
    public IReadOnlyList<Core.Chronology.Patterns.PatternAlertLine> PatternAlerts { get; private set; } = [];

    /// <summary>Every worker the child has had, with dates.</summary>
    public IReadOnlyList<Core.Allocation.ChildWorker> Workers { get; private set; } = [];

    public bool CanEdit => User.HasClaim(Infrastructure.SafeguardClaims.Permission, Core.Security.Permissions.EditChildRecords);

    public bool CanReviewDuplicates => User.HasClaim(Infrastructure.SafeguardClaims.Permission, Core.Security.Permissions.ReviewDuplicates);

    public bool CanCloseCases => User.HasClaim(Infrastructure.SafeguardClaims.Permission, Core.Security.Permissions.CloseCases);

    public bool CanRestrict => User.HasClaim(Infrastructure.SafeguardClaims.Permission, Core.Security.Permissions.RestrictChildRecords);

    /// <summary>The child's assessments, the latest first.</summary>
    public IReadOnlyList<Core.Assessments.AssessmentView> Assessments { get; private set; } = [];

    /// <summary>The child's strategy discussions, the latest first: when, the decision, how many statutory partners were missing.</summary>
    public IReadOnlyList<(Guid Id, DateTimeOffset HeldAt, bool Section47, int Absent)> StrategyDiscussions { get; private set; } = [];

    /// <summary>Whether the reader may record a strategy discussion, and the child has an open case to record it in.</summary>
    public bool CanRecordStrategyDiscussion { get; private set; }

    /// <summary>The child's open section 47 enquiry, when the reader may record its outcome.</summary>
    public Guid? OpenEnquiryToConclude { get; private set; }

    /// <summary>The child's child protection plans, the latest first.</summary>
    public IReadOnlyList<(Guid Id, int Number, DateOnly StartedOn, DateOnly? EndedOn, Core.Conferences.AbuseCategory? Category)> Plans { get; private set; } = [];

    public IReadOnlyList<(Guid Id, DateOnly StartedOn, DateOnly? EndedOn, DateTimeOffset? NextReviewDue)> ChildInNeedPlans { get; private set; } = [];

    /// <summary>The child's conferences, the latest first.</summary>
    public IReadOnlyList<Core.Conferences.ConferenceLine> Conferences { get; private set; } = [];

    /// <summary>An enquiry whose initial conference the reader may now record.</summary>
    public Guid? EnquiryAwaitingConference { get; private set; }

    /// <summary>The child's latest case notes.</summary>
    public IReadOnlyList<Core.CaseNotes.CaseNoteLine> CaseNotes { get; private set; } = [];

    /// <summary>The child's stays with connected people, with how many checks are missing.</summary>
    public IReadOnlyList<(Guid Id, string CarerName, DateOnly From, Core.Arrangements.ArrangementStatus Status, int Missing)> Arrangements { get; private set; } = [];

    public bool CanRecordArrangements { get; private set; }

    public bool CanRecordContacts => User.HasClaim(Infrastructure.SafeguardClaims.Permission, Core.Security.Permissions.RecordContacts);

    public bool CanRecordCaseNotes => User.HasClaim(Infrastructure.SafeguardClaims.Permission, Core.Security.Permissions.RecordCaseNotes);

    /// <summary>The record's restriction and access list, shown to those on it.</summary>
    public Core.People.Access.AccessListView? Access { get; private set; }

    /// <summary>The child's case summary as a PDF to download (docs/chronology.md); the download is audited.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid id, [FromServices] Core.Documents.ChildDocuments documents,
        [FromServices] Core.Data.SafeguardDbContext db, [FromServices] Infrastructure.SiteSettings site)
    {
        if (!await needToKnow.CheckAsync(id, "the child's case summary")) return NotFound();
        var survivor = await db.People.Where(p => p.Id == id).Select(p => new { p.MergedIntoPersonId }).SingleOrDefaultAsync();
        if (survivor is null) return NotFound();
        if (survivor.MergedIntoPersonId is { } merged) return Redirect($"/children/{merged}?handler=Pdf");
        var document = await documents.CaseSummaryAsync(id, site.CouncilOnDocuments());
        return document is null ? NotFound() : this.Download(document);
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await needToKnow.CheckAsync(id, "the child's record")) return NotFound();
        var record = await people.ViewAsync(id);
        if (record is null) return NotFound();
        if (record.Person.MergedIntoPersonId is { } survivor) return RedirectToPage(new { id = survivor });
        Record = record;
        Status = await statuses.ForChildAsync(id);
        Access = await accessLists.ViewAsync(id);
        Workers = await allocations.WorkersOfChildAsync(id);
        PatternAlerts = await patternAlerts.ForChildAsync(id);
        Assessments = await assessments.ForChildAsync(id);
        StrategyDiscussions = await strategyDiscussions.ForChildAsync(id);
        CanRecordStrategyDiscussion = User.HasClaim(Infrastructure.SafeguardClaims.Permission, Core.Security.Permissions.RecordStrategyDiscussions)
            && await strategyDiscussions.CaseOfAsync(id) is not null;
        if (User.HasClaim(Infrastructure.SafeguardClaims.Permission, Core.Security.Permissions.RecordStrategyDiscussions))
        {
            OpenEnquiryToConclude = await section47.OpenEnquiryOfAsync(id);
        }
        Plans = await plans.PlansOfAsync(id);
        ChildInNeedPlans = await childInNeedPlans.PlansOfAsync(id);
        CaseNotes = await caseNotes.ForChildAsync(id, take: 10);
        Arrangements = await arrangements.ForChildAsync(id);
        CanRecordArrangements = User.HasClaim(Infrastructure.SafeguardClaims.Permission, Core.Security.Permissions.RecordArrangements)
            && await arrangements.HasOpenCaseAsync(id);
        Conferences = await plans.ForChildAsync(id);
        if (User.HasClaim(Infrastructure.SafeguardClaims.Permission, Core.Security.Permissions.RecordConferences))
        {
            EnquiryAwaitingConference = await plans.EnquiryAwaitingConferenceAsync(id);
        }
        return Page();
    }
}
