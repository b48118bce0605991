using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Escalations;
using Safeguard.Web.Pages.Escalations.Shared;

namespace Safeguard.Web.Pages.Escalations.Mine;

/// <summary>
/// "My escalations": the concerns the person raised, with their answers; and those that people they manage chose to
/// share with them.
/// </summary>
public sealed class IndexModel(EscalationRecords escalations, TimeProvider time) : PageModel
{
    public EscalationTable Raised { get; private set; } = default!;
    public EscalationTable Shared { get; private set; } = default!;
    public bool IsAnswerer { get; private set; }

    public async Task OnGetAsync()
    {
        var now = time.GetUtcNow();
        Raised = new(await escalations.MineAsync(), now, "Concerns you raised", "my-escalations", ShowRaisedBy: false);
        Shared = new(await escalations.SharedWithMeAsync(), now, "Shared with you by people you manage", "shared-escalations", ShowRaisedBy: true);
        IsAnswerer = await escalations.IsAnswererAsync();
    }
}
