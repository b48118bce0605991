using System.Globalization;
using Safeguard.Core.Diagnostics;
using Safeguard.Core.Jobs;

namespace Safeguard.Web.Infrastructure;

/// <summary>This process's name among the instances on one database: <c>Instance:Name</c>, else the machine and process id.</summary>
public sealed class InstanceName(IConfiguration config)
{
    public string Value { get; } = config["Instance:Name"] is { Length: > 0 } name
        ? name
        : $"{Environment.MachineName}/{Environment.ProcessId}";
}

/// <summary>
/// Runs a periodic job only when this instance takes its lease (<see cref="JobLeases"/>), so of several instances on one
/// database exactly one runs each turn. After the run the lease is kept until the job's next turn; a run that fails
/// still keeps it, so a job that fails everywhere is not retried by every instance in turn.
/// </summary>
public sealed class BackgroundJobs(IServiceScopeFactory scopes, TimeProvider time, InstanceName instance, ILogger<BackgroundJobs> log)
{
    /// <summary>How long a run may take before another instance may start the job again (the holder having died).</summary>
    public static readonly TimeSpan LongestRun = TimeSpan.FromMinutes(30);

    /// <summary>Runs <paramref name="run"/> if this instance takes <paramref name="job"/>'s lease; true if it took it.</summary>
    public async Task<bool> RunAsync<TService>(string job, TimeSpan interval, Func<TService, CancellationToken, Task> run, CancellationToken ct)
        where TService : notnull
    {
        var started = time.GetUtcNow();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
            if (!await leases.TryTakeAsync(job, instance.Value, interval > LongestRun ? interval : LongestRun, ct)) return false;
            var ran = time.GetUtcNow();
            try
            {
                using var activity = SafeguardMetrics.Traces.StartActivity($"job {job}");
                await run(scope.ServiceProvider.GetRequiredService<TService>(), ct);
                SafeguardMetrics.JobRan(job);
                log.LogInformation("The {Job} ran on {Instance} from {Started} to {Finished}", job, instance.Value,
                    ran.ToString("O", CultureInfo.InvariantCulture), time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogError(ex, "The {Job} failed on {Instance}; it runs again at its next turn", job, instance.Value);
            }
            finally
            {
                // A timer tick a moment early must not miss its turn: the lease ends a little before the next one.
                var slack = TimeSpan.FromTicks(Math.Min(interval.Ticks / 10, TimeSpan.TicksPerSecond));
                await leases.HoldUntilAsync(job, instance.Value, started + interval - slack, CancellationToken.None);
            }
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "The lease of the {Job} could not be read or kept; it runs again at its next turn", job);
            return false;
        }
    }
}
