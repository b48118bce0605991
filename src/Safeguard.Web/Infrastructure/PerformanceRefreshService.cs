using Microsoft.Extensions.Options;
using Safeguard.Core.Performance;
using Safeguard.Core.Performance.Daily;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Refreshes the dashboard's daily figures in the background: soon after start, then every
/// <c>Performance:RefreshIntervalMinutes</c> (default 15); off with <c>Performance:RefreshEnabled=false</c>. Each run is
/// claimed in the database first (<see cref="DailyFigures.RunAsync"/>) and runs under a lease (<see cref="BackgroundJobs"/>),
/// so two instances never do the same one. A failed
/// run is logged and the next one goes ahead.
/// </summary>
public sealed class PerformanceRefreshService(BackgroundJobs jobs, IOptions<PerformanceSettings> settings, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.RefreshEnabled) return;
        await Task.Yield();
        using var timer = new PeriodicTimer(settings.Value.RefreshInterval, time);
        do
        {
            // The run's own claim keeps it to one instance per interval; the lease also keeps a long rebuild from overlapping the next.
            await jobs.RunAsync<DailyFigures>("performance-refresh", settings.Value.RefreshInterval, (f, ct) => f.RunAsync(ct), stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
