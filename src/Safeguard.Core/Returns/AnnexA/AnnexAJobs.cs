using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.Security;

namespace Safeguard.Core.Returns.AnnexA;

/// <summary>
/// Annex A exports asked for on the returns page, run in the background one at a time. Each is claimed in the database
/// before it runs, so with several app instances only one runs it; it writes how far it has got every few seconds, and
/// one whose process died (no heartbeat for <see cref="StalledAfter"/>) is started again. The workbook is kept for its
/// requester alone, for <see cref="KeptFor"/>.
/// </summary>
public sealed class AnnexAJobs(SafeguardDbContext db, AnnexAExport export, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(2);

    public const string StoppedMessage = "The export stopped before it finished. Ask for it again; if it stops again, tell your system administrator";

    /// <summary>Asks for an export by the signed-in user; while one for the same period is waiting or running, that one.</summary>
    public async Task<Guid> StartAsync(ReturnPeriod period, CancellationToken ct = default)
    {
        var userId = db.Actor.UserId ?? throw new InvalidOperationException("An Annex A export is asked for by a signed-in user.");
        var open = await db.AnnexAJobs.Where(j => j.RequestedBy == userId && j.From == period.Start && j.To == period.ReferenceDate
                && (j.Status == AnnexAJobStatus.Waiting || j.Status == AnnexAJobStatus.Running))
            .Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
        if (open is { } id) return id;
        var job = new AnnexAJob(userId, period, db.Time.GetUtcNow());
        db.AnnexAJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return job.Id;
    }

    /// <summary>The export, if the signed-in user asked for it (anyone else's is not found).</summary>
    public Task<AnnexAJobView?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var userId = db.Actor.UserId;
        return db.AnnexAJobs.AsNoTracking().Where(j => j.Id == id && j.RequestedBy == userId)
            .Select(j => new AnnexAJobView(j.Id, j.From, j.To, j.Status, j.CurrentList, j.CurrentRows, j.RequestedAt, j.FinishedAt, j.Rows, j.Failure))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The finished workbook for its requester, recorded as downloaded; null when not theirs or not ready.</summary>
    public async Task<(AnnexAJobView Job, byte[] Workbook)?> DownloadAsync(Guid id, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is not { Status: AnnexAJobStatus.Ready } job) return null;
        var workbook = await db.AnnexAJobs.Where(j => j.Id == id).Select(j => j.Workbook).SingleAsync(ct);
        if (workbook is null) return null;
        db.Record(new AnnexADownloaded(job.From, job.To, job.Rows ?? 0));
        await db.SaveChangesAsync(ct);
        return (job, workbook);
    }

    /// <summary>Clears out old workbooks, restarts stalled exports, and runs the oldest waiting one. False when none was waiting.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var keptSince = now - KeptFor;
        await db.AnnexAJobs.Where(j => j.FinishedAt != null && j.FinishedAt < keptSince).ExecuteDeleteAsync(ct);
        var stalledBefore = now - StalledAfter;
        await db.AnnexAJobs.Where(j => j.Status == AnnexAJobStatus.Running && j.HeartbeatAt < stalledBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, AnnexAJobStatus.Waiting), ct);

        var next = await db.AnnexAJobs.Where(j => j.Status == AnnexAJobStatus.Waiting).OrderBy(j => j.RequestedAt)
            .Select(j => new { j.Id, j.RequestedBy, j.From, j.To }).FirstOrDefaultAsync(ct);
        if (next is null) return false;
        var claimed = await db.AnnexAJobs.Where(j => j.Id == next.Id && j.Status == AnnexAJobStatus.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, AnnexAJobStatus.Running).SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.HeartbeatAt, now).SetProperty(j => j.CurrentList, (string?)null).SetProperty(j => j.CurrentRows, 0), ct);
        if (claimed == 1) await RunAsync(next.Id, next.RequestedBy, new ReturnPeriod(next.From, next.To), ct);
        return true;
    }

    private async Task RunAsync(Guid id, Guid requestedBy, ReturnPeriod period, CancellationToken ct)
    {
        var requester = await db.Users.AsNoTracking().Where(u => u.Id == requestedBy)
            .Select(u => new Actor(u.Id, u.DisplayName, u.OrganisationId)).SingleAsync(ct);
        db.ActingAs = requester;
        var progress = new AnnexAJobProgress(id, scopes, db.Time);
        using var beating = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = progress.BeatAsync(beating.Token);
        try
        {
            using var workbook = new MemoryStream();
            var summary = await export.WriteAsync(period, workbook, progress, ct);
            await beating.CancelAsync();
            await heartbeat;
            var bytes = workbook.ToArray();
            var finished = db.Time.GetUtcNow();
            await db.AnnexAJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, AnnexAJobStatus.Ready)
                .SetProperty(j => j.Workbook, bytes).SetProperty(j => j.Rows, summary.Rows).SetProperty(j => j.FinishedAt, finished)
                .SetProperty(j => j.HeartbeatAt, finished), ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            await beating.CancelAsync();
            await heartbeat;
            var finished = db.Time.GetUtcNow();
            await db.AnnexAJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, AnnexAJobStatus.Failed)
                .SetProperty(j => j.Failure, StoppedMessage).SetProperty(j => j.FinishedAt, finished), CancellationToken.None);
            throw;
        }
        finally
        {
            db.ActingAs = null;
        }
    }
}
