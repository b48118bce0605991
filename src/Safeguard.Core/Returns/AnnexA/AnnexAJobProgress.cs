using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;

namespace Safeguard.Core.Returns.AnnexA;

/// <summary>
/// Keeps the latest progress of a running export and writes it, with a heartbeat, every
/// <see cref="AnnexAJobs.HeartbeatEvery"/> through a context of its own, so the export itself never waits on it.
/// </summary>
internal sealed class AnnexAJobProgress(Guid jobId, IServiceScopeFactory scopes, TimeProvider time) : IProgress<AnnexAProgress>
{
    private readonly Lock _gate = new();
    private string? _list;
    private int _rows;

    public void Report(AnnexAProgress value)
    {
        lock (_gate)
        {
            _list = value.List.SheetName;
            _rows = value.Rows;
        }
    }

    public async Task BeatAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(AnnexAJobs.HeartbeatEvery, time, stop);
                await WriteAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        string? list;
        int rows;
        lock (_gate)
        {
            list = _list;
            rows = _rows;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var now = time.GetUtcNow();
        await db.AnnexAJobs.Where(j => j.Id == jobId && j.Status == AnnexAJobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatAt, now)
                .SetProperty(j => j.CurrentList, list).SetProperty(j => j.CurrentRows, rows), ct);
    }
}
