using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Oversight;
using Safeguard.Core.Work;

namespace Safeguard.Web.Pages.Oversight.Backlog;

/// <summary>
/// The backlog board: open front-door work by team and age, child protection counted apart; and strategy discussions held
/// without the police, health or education in the last three months.
/// </summary>
public sealed class IndexModel(BacklogBoard board, Core.Enquiries.StrategyPartnerOversight partners) : PageModel
{
    public Core.Oversight.Backlog Backlog { get; private set; } = default!;

    public Core.Enquiries.StrategyPartnerCounts Partners { get; private set; } = default!;

    public async Task OnGetAsync()
    {
        Backlog = await board.GetAsync();
        Partners = await partners.CountAsync();
    }

    public static string KindName(WorkKind kind) => kind.GroupHeading();
}
