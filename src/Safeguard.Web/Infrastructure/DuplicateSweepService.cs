using Safeguard.Core.People;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Runs the duplicate sweep in the background on a schedule: <c>People:SweepIntervalMinutes</c> (default 60; the
/// first run is one interval after start), switched off with <c>People:SweepEnabled=false</c>.
/// </summary>
public sealed class DuplicateSweepService(IServiceScopeFactory scopes, IConfiguration config, ILogger<DuplicateSweepService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("People:SweepEnabled", true)) return;
        var minutes = Math.Max(1, config.GetValue("People:SweepIntervalMinutes", 60));
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<DuplicateSweep>().RunAsync(stoppingToken);
                log.LogInformation("Duplicate sweep: {People} people, {Pairs} pairs found, {Queued} newly queued, {Keys} name keys filled, {Elapsed} ms",
                    result.PeopleScanned, result.PairsFound, result.Queued, result.KeysFilled, (long)result.Elapsed.TotalMilliseconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Duplicate sweep failed; it runs again at the next interval");
            }
        }
    }
}
