using Safeguard.Core.Allocation;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Notifications;
using Safeguard.Core.Oversight;

namespace Safeguard.Web.Infrastructure;

public static class FeedbackDeliverySetup
{
    /// <summary>
    /// Binds <c>Notifications:*</c>, registers the notifier, dispatcher, overdue sweep and managers' alerts, and,
    /// unless <c>Notifications:BackgroundEnabled</c> is false, the background worker that runs them.
    /// </summary>
    public static void AddFeedbackDelivery(this WebApplicationBuilder builder)
    {
        var options = new NotificationOptions();
        builder.Configuration.GetSection(NotificationOptions.Section).Bind(options);
        if (options.Smtp.PickupDirectory is { Length: > 0 } pickup && !Path.IsPathRooted(pickup))
        {
            options.Smtp.PickupDirectory = Path.Combine(builder.Environment.ContentRootPath, pickup);
        }
        builder.Services.AddFeedbackDelivery(options);
        if (options.BackgroundEnabled)
        {
            builder.Services.AddHostedService<NotificationWorker>();
        }
    }
}

/// <summary>
/// Background work in the web process: sends due referrer feedback every <c>Notifications:DispatchIntervalSeconds</c>
/// (default 15) and looks for overdue work and patterns in children's records (and gives workers with no personal
/// supervision due one) every <c>Notifications:SweepIntervalSeconds</c> (default 60). Each sweep runs on one instance a
/// turn (<see cref="BackgroundJobs"/>); every instance dispatches feedback, because each message is claimed on its own
/// (<see cref="FeedbackDispatcher"/>) and is sent by the one instance that claimed it. A failed run is logged and the next
/// one goes ahead; nothing here can stop the host.
/// </summary>
public sealed class NotificationWorker(IServiceScopeFactory scopes, BackgroundJobs jobs, NotificationOptions options, TimeProvider time,
    ILogger<NotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first run.
        await Task.Yield();
        var lastSweep = DateTimeOffset.MinValue;
        var every = options.SweepInterval;
        using var timer = new PeriodicTimer(options.DispatchInterval, time);
        do
        {
            await DispatchAsync(stoppingToken);
            var now = time.GetUtcNow();
            if (now - lastSweep >= every || now < lastSweep)
            {
                lastSweep = now;
                await jobs.RunAsync<OverdueSweep>("overdue-sweep", every, (s, ct) => s.RunAsync(ct), stoppingToken);
                await jobs.RunAsync<Core.Chronology.Patterns.PatternSweep>("pattern-sweep", every, (s, ct) => s.RunAsync(ct), stoppingToken);
                await jobs.RunAsync<CompetenceLapses>("competence-lapses", every, (s, ct) => s.RunAsync(ct), stoppingToken);
                await jobs.RunAsync<Leavers>("leavers", every, (s, ct) => s.EndEmploymentsAsync(ct), stoppingToken);
                await jobs.RunAsync<Core.Supervision.SupervisionRecords>("personal-supervision-check", every,
                    (s, ct) => s.EnsurePersonalSupervisionDueAsync(ct), stoppingToken);
                await jobs.RunAsync<Core.Oversight.Flow.FlowWatch>("flow-watch", every, (s, ct) => s.RunAsync(ct), stoppingToken);
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

    private async Task DispatchAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FeedbackDispatcher>().DispatchDueAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The feedback dispatch failed; it will run again");
        }
    }
}
