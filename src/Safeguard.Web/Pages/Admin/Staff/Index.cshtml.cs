using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Pages.Admin.Staff;

/// <summary>Council staff with their registration, qualification and employment, each linking to their staff record.</summary>
public sealed class IndexModel(StaffRecords records, TimeProvider time) : PageModel
{
    public IReadOnlyList<StaffLine> Staff { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = Core.Timescales.TimeLimits.UkDay(time.GetUtcNow());
        Staff = await records.ListAsync();
    }
}
