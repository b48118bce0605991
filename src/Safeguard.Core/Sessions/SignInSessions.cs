using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.Sessions;

/// <summary>What the server knows of a session at a request.</summary>
public enum SessionState { Active, Ended }

/// <summary>
/// Signed-in sessions held on the server. The sign-in cookie names a session; each request checks it is still open,
/// neither idle for <see cref="SessionSettings.IdleMinutes"/> nor older than <see cref="SessionSettings.MaxHours"/>, and
/// signing out closes it, so a copy of the cookie taken before then opens nothing afterwards.
/// </summary>
public sealed class SignInSessions(SafeguardDbContext db, IOptions<SessionSettings> settings)
{
    /// <summary>A request within this time of the last one seen does not write (a write a minute at most per session).</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    private SessionSettings Settings => settings.Value;

    public async Task<Guid> StartAsync(Guid userId, CancellationToken ct = default)
    {
        var session = new SignInSession(userId, db.Time.GetUtcNow());
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>
    /// Whether the session is still open for <paramref name="userId"/>; one that has been idle or lasted too long is ended
    /// now (with its event). An open one is marked seen, unless <paramref name="seen"/> is false: a page asking when the
    /// session ends is not the person doing anything.
    /// </summary>
    public async Task<SessionState> CheckAsync(Guid sessionId, Guid userId, CancellationToken ct = default, bool seen = true)
    {
        var now = db.Time.GetUtcNow();
        var session = await db.SignInSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || session.UserId != userId || session.EndedAt is not null) return SessionState.Ended;
        if (EndsFor(session, now) is { } why)
        {
            await EndAsync(sessionId, why, ct);
            return SessionState.Ended;
        }
        if (seen && now - session.LastSeenAt >= TouchEvery)
        {
            await db.SignInSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        }
        return SessionState.Active;
    }

    /// <summary>When the open session will end if nothing more is seen (for the warning before it does), or null when it has.</summary>
    public async Task<DateTimeOffset?> EndsAtAsync(Guid sessionId, CancellationToken ct = default)
    {
        var session = await db.SignInSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.EndedAt == null, ct);
        if (session is null) return null;
        var idleEnd = session.LastSeenAt.AddMinutes(Settings.IdleMinutes);
        var maxEnd = session.StartedAt.AddHours(Settings.MaxHours);
        return idleEnd < maxEnd ? idleEnd : maxEnd;
    }

    /// <summary>
    /// "Stay signed in": the open session counts as seen now, to the second, and its new end is returned (null when it has
    /// ended: too late to stay).
    /// </summary>
    public async Task<DateTimeOffset?> KeepAliveAsync(Guid sessionId, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var kept = await db.SignInSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        return kept == 0 ? null : await EndsAtAsync(sessionId, ct);
    }

    /// <summary>Why the session ended, or null while it is open (or unknown).</summary>
    public async Task<SessionEnd?> EndedBecauseAsync(Guid sessionId, CancellationToken ct = default) =>
        await db.SignInSessions.Where(s => s.Id == sessionId).Select(s => s.EndedBecause).SingleOrDefaultAsync(ct);

    /// <summary>Ends the session (once: a second end changes nothing) and records why.</summary>
    public async Task EndAsync(Guid sessionId, SessionEnd why, CancellationToken ct = default)
    {
        var session = await db.SignInSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || session.EndedAt is not null) return;
        session.End(why, db.Time.GetUtcNow());
        db.Record(new SessionEnded(session.UserId, session.Id, why), subjectType: "StaffUser", subjectId: session.UserId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Ends every open session of the account, each with its event, saved with the caller's other changes (a change to
    /// how the account signs in, which no cookie made before it should outlive). Returns how many ended.
    /// </summary>
    public async Task<int> EndAllOfAsync(Guid userId, SessionEnd why, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var open = await db.SignInSessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(ct);
        foreach (var session in open)
        {
            session.End(why, now);
            db.Record(new SessionEnded(userId, session.Id, why), subjectType: "StaffUser", subjectId: userId);
        }
        return open.Count;
    }

    private SessionEnd? EndsFor(SignInSession session, DateTimeOffset now) =>
        now - session.StartedAt >= TimeSpan.FromHours(Settings.MaxHours) ? SessionEnd.TooLong
        : now - session.LastSeenAt >= TimeSpan.FromMinutes(Settings.IdleMinutes) ? SessionEnd.Idle
        : null;
}
