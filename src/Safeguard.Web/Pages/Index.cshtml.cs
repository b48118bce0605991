using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Work;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages;

public sealed class IndexModel(TeamWork work, TimeProvider time) : PageModel
{
    public IReadOnlyList<OpenWorkLine> OpenWork { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = time.GetUtcNow();
        Guid? team = Guid.TryParse(User.FindFirst(SafeguardClaims.TeamId)?.Value, out var t) ? t : null;
        if (team is not null || User.Can(Core.Security.Permissions.ViewChildRecords))
        {
            OpenWork = await work.ForTeamOrWorkerAsync(team, User.UserId());
        }
    }
}
