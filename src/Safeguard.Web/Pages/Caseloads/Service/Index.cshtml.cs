using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Allocation;
using Safeguard.Core.People.Access;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Caseloads.Service;

/// <summary>
/// Every team's caseloads, the agency-staff share, and the children who have had three or more workers in twelve
/// months (children restricted from the reader are left out and counted).
/// </summary>
public sealed class IndexModel(Core.Allocation.Caseloads caseloads, ManyWorkersList manyWorkers, NeedToKnow needToKnow,
    AllocationExceptions exceptions, TimeProvider time) : PageModel
{
    public ServiceCaseloads Caseloads { get; private set; } = default!;

    public ChildrenWithManyWorkers ManyWorkers { get; private set; } = default!;

    /// <summary>Allocations outside the rules in the last three months, counted for the link to their report.</summary>
    public AllocationExceptionCounts Exceptions { get; private set; } = default!;

    public PaginationModel Pagination => new(ManyWorkers.Page, ManyWorkers.Pages, p => $"/caseloads/service?pageNumber={p}#many-workers");

    /// <param name="pageNumber">The page of the children with many workers (out of range: the nearest page).</param>
    public async Task OnGetAsync(int pageNumber = 1)
    {
        Caseloads = await caseloads.ForServiceAsync();
        ManyWorkers = await manyWorkers.ListAsync(pageNumber);
        Exceptions = await exceptions.CountAsync(ExceptionsPeriod.Default(Core.Timescales.TimeLimits.UkDay(time.GetUtcNow())));
        await needToKnow.RecordListedAsync("the service caseloads page", ManyWorkers.Shown.Select(c => c.PersonId).ToList());
    }
}
