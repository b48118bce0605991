using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Allocation;
using Safeguard.Core.Oversight;
using Safeguard.Core.Records;
using Safeguard.Core.Security;
using Safeguard.Core.Text;
using Safeguard.Core.Work;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages;

/// <summary>
/// The home page. A social worker's is "My work": their cases and their own open work, overdue first. A team manager's
/// adds to the team's tray the referrals waiting for a worker, the cases not yet accepted, overdue work by worker and
/// their alerts. Everyone else who works with children (the front door, conference chairs, service managers) sees the
/// open work of their team and their own.
/// </summary>
public sealed class IndexModel(VisibleWork work, WorkerCases workerCases, TeamOverview overview, ManagerAlerts alerts, TimeProvider time)
    : PageModel
{
    /// <summary>How many of the team's waiting referrals the manager's home page lists (the tray below holds them all).</summary>
    public const int UnallocatedShown = 20;

    public enum Home { Plain, Worker, Manager }

    /// <summary>Which home page this person gets: decided by their permissions, never their role's name.</summary>
    public Home Kind { get; private set; }

    /// <summary>Which page of open work to show; anything that is not a page number shows the first.</summary>
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public WorkPage? OpenWork { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<WorkerCaseLine> Cases { get; private set; } = [];
    public WorkPage? Unallocated { get; private set; }
    public IReadOnlyList<NotYetAccepted> NotYetAccepted { get; private set; } = [];
    public IReadOnlyList<OverdueForWorker> OverdueByWorker { get; private set; } = [];
    public AlertList Alerts { get; private set; } = AlertList.Empty;

    /// <summary>A leader with no team of their own: the home page shows every team's alerts.</summary>
    public bool SeesServiceAlerts { get; private set; }

    /// <summary>The open-work table: the worker's own (overdue first) or the team's and their own.</summary>
    public OpenWorkTable? OpenWorkTable => OpenWork is not { } w ? null
        : Kind == Home.Worker
            ? new(w, Now, $"{Plural.Count(w.Total, "open item")}, overdue first, then most urgent{PageNote(w)}", "Your open work", "open-work")
            : new(w, Now, $"{Plural.Count(w.Total, "open item")}, most urgent first{PageNote(w)}", "Open work for you and your team", "open-work");

    /// <summary>The team's referrals waiting for a worker, the most urgent <see cref="UnallocatedShown"/>.</summary>
    public OpenWorkTable? UnallocatedTable => Unallocated is not { } u ? null
        : new(u, Now, u.Total > u.Lines.Count
                ? $"The {u.Lines.Count} most urgent of {Plural.Count(u.Total, "referral")} waiting for a worker"
                : $"{Plural.Count(u.Total, "referral")} waiting for a worker, most urgent first",
            "Referrals waiting for a worker", "unallocated");

    private static string PageNote(WorkPage w) => w.Pages > 1 ? $" (page {w.Page} of {w.Pages})" : "";

    public PaginationModel? Pagination =>
        OpenWork is { } w ? new PaginationModel(w.Page, w.Pages, p => $"/?pageNumber={p}") : null;

    public async Task OnGetAsync()
    {
        // A page number that is not a number leaves the first page (the default); one below 1 is the first.
        if (PageNumber < 1) PageNumber = 1;
        Now = time.GetUtcNow();
        Guid? team = Guid.TryParse(User.FindFirst(SafeguardClaims.TeamId)?.Value, out var t) ? t : null;
        var userId = User.UserId();
        Kind = HomeFor(team);
        switch (Kind)
        {
            case Home.Worker when userId is { } me:
                Cases = await workerCases.ForWorkerAsync(me);
                OpenWork = await work.WorkerPageAsync(me, PageNumber);
                break;
            case Home.Manager when team is { } managed:
                Unallocated = await work.UnallocatedPageAsync(managed, 1, UnallocatedShown);
                NotYetAccepted = await overview.NotYetAcceptedAsync(managed);
                OverdueByWorker = await overview.OverdueByWorkerAsync(managed);
                if (userId is { } manager) Alerts = await alerts.ListForUserAsync(manager);
                OpenWork = await work.PageAsync(managed, userId, PageNumber);
                break;
            default:
                if (team is not null || User.Can(Permissions.ViewChildRecords)) OpenWork = await work.PageAsync(team, userId, PageNumber);
                // Service managers, heads of service and the director belong to no team, and see every team's alerts
                // (and the flow alerts, which are theirs alone).
                if (team is null && User.Can(Permissions.ViewCaseloads) && userId is { } leader)
                {
                    Alerts = await alerts.ListForUserAsync(leader);
                    SeesServiceAlerts = true;
                }
                break;
        }
    }

    /// <summary>
    /// Practitioners who hold cases (they edit children's records, and neither manage caseloads nor work the front door)
    /// get "My work"; people who see caseloads and belong to a team get the manager's page.
    /// </summary>
    private Home HomeFor(Guid? team) =>
        User.Can(Permissions.ViewCaseloads) ? (team is null ? Home.Plain : Home.Manager)
        : User.Can(Permissions.EditChildRecords) && !User.Can(Permissions.RecordContacts) ? Home.Worker
        : Home.Plain;
}
