using Safeguard.Core.People;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Runs the duplicate sweep in the background on a schedule: <c>People:SweepIntervalMinutes</c> (default 60; the
/// first run is one interval after start), switched off with <c>People:SweepEnabled=false</c>. One instance a turn
/// (<see cref="BackgroundJobs"/>).
/// </summary>
public sealed class DuplicateSweepService(BackgroundJobs jobs, IConfiguration config, TimeProvider time, ILogger<DuplicateSweepService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("People:SweepEnabled", true)) return;
        // Seconds are for tests and trials of several instances; minutes are the setting.
        var interval = config.GetValue<int?>("People:SweepIntervalSeconds") is { } seconds
            ? TimeSpan.FromSeconds(Math.Max(1, seconds))
            : TimeSpan.FromMinutes(Math.Max(1, config.GetValue("People:SweepIntervalMinutes", 60)));
        using var timer = new PeriodicTimer(interval, time);
        while (await WaitAsync(timer, stoppingToken))
        {
            await jobs.RunAsync<DuplicateSweep>("duplicate-sweep", interval, async (sweep, ct) =>
            {
                var result = await sweep.RunAsync(ct);
                log.LogInformation("Duplicate sweep: {People} people, {Pairs} pairs found, {Queued} newly queued, {Keys} name keys filled, {Elapsed} ms",
                    result.PeopleScanned, result.PairsFound, result.Queued, result.KeysFilled, (long)result.Elapsed.TotalMilliseconds);
            }, stoppingToken);
        }
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
