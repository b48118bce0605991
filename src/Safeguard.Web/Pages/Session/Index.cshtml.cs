using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Safeguard.Core.Sessions;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Session;

/// <summary>When this sign-in ends, as the timeout warning's script reads it (handler "status"), and "Stay signed in".</summary>
public sealed record SessionStatus(DateTimeOffset EndsAt, int SecondsLeft, int WarnSeconds, int IdleMinutes);

/// <summary>
/// Any signed-in person's own session: the page (and its JSON, <c>?handler=status</c>) says when it ends without counting as
/// activity (ServerSessions); posting keeps it open, as "Stay signed in" in the timeout warning does (docs/operations.md).
/// </summary>
public sealed class IndexModel(SignInSessions sessions, IOptions<SessionSettings> settings, TimeProvider time) : PageModel
{
    public DateTimeOffset? EndsAt { get; private set; }

    public int IdleMinutes => settings.Value.IdleMinutes;

    public async Task<IActionResult> OnGetAsync()
    {
        EndsAt = await EndsAtAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetStatusAsync() =>
        await EndsAtAsync() is { } endsAt ? new JsonResult(Status(endsAt)) : Ended();

    public async Task<IActionResult> OnPostAsync()
    {
        var endsAt = ServerSessions.SessionId(User) is { } id ? await sessions.KeepAliveAsync(id, HttpContext.RequestAborted) : null;
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
            return endsAt is { } kept ? new JsonResult(Status(kept)) : Ended();
        TempData["Success"] = "You are still signed in";
        return RedirectToPage();
    }

    private async Task<DateTimeOffset?> EndsAtAsync() =>
        ServerSessions.SessionId(User) is { } id ? await sessions.EndsAtAsync(id, HttpContext.RequestAborted) : null;

    private SessionStatus Status(DateTimeOffset endsAt)
    {
        var left = endsAt - time.GetUtcNow();
        return new SessionStatus(endsAt, (int)Math.Max(0, Math.Ceiling(left.TotalSeconds)), settings.Value.WarnMinutesBefore * 60, settings.Value.IdleMinutes);
    }

    private static JsonResult Ended() => new(new { ended = "unknown" }) { StatusCode = StatusCodes.Status401Unauthorized };
}
