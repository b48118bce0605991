using Microsoft.Extensions.Options;
using Safeguard.Core.Performance;
using Safeguard.Core.Performance.Daily;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Refreshes the dashboard's daily figures in the background: soon after start, then every
/// <c>Performance:RefreshIntervalMinutes</c> (default 15); off with <c>Performance:RefreshEnabled=false</c>. Each run is
/// claimed in the database first (<see cref="DailyFigures.RunAsync"/>), so two instances never do the same one. A failed
/// run is logged and the next one goes ahead.
/// </summary>
public sealed class PerformanceRefreshService(IServiceScopeFactory scopes, IOptions<PerformanceSettings> settings, TimeProvider time,
    ILogger<PerformanceRefreshService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.RefreshEnabled) return;
        await Task.Yield();
        using var timer = new PeriodicTimer(settings.Value.RefreshInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DailyFigures>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "The performance figures refresh failed; it runs again at the next interval");
            }
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
