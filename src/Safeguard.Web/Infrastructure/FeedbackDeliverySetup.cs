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
/// (default 15) and looks for overdue work and patterns in children's records (and gives workers with no personal supervision due one) every <c>Notifications:SweepIntervalSeconds</c> (default 60). A failed
/// run is logged and the next one goes ahead; nothing here can stop the host.
/// </summary>
public sealed class NotificationWorker(IServiceScopeFactory scopes, NotificationOptions options, TimeProvider time,
    ILogger<NotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first run.
        await Task.Yield();
        var lastSweep = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(options.DispatchInterval, time);
        do
        {
            await RunAsync<FeedbackDispatcher>("feedback dispatch", (d, ct) => d.DispatchDueAsync(ct), stoppingToken);
            var now = time.GetUtcNow();
            if (now - lastSweep >= options.SweepInterval || now < lastSweep)
            {
                lastSweep = now;
                await RunAsync<OverdueSweep>("overdue sweep", (s, ct) => s.RunAsync(ct), stoppingToken);
                await RunAsync<Core.Chronology.Patterns.PatternSweep>("pattern sweep", (s, ct) => s.RunAsync(ct), stoppingToken);
                await RunAsync<CompetenceLapses>("competence lapses", (s, ct) => s.RunAsync(ct), stoppingToken);
                await RunAsync<Leavers>("leavers", (s, ct) => s.EndEmploymentsAsync(ct), stoppingToken);
                await RunAsync<Core.Supervision.SupervisionRecords>("personal supervision check", (s, ct) => s.EnsurePersonalSupervisionDueAsync(ct), stoppingToken);
                await RunAsync<Core.Oversight.Flow.FlowWatch>("flow watch", (s, ct) => s.RunAsync(ct), stoppingToken);
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

    private async Task RunAsync<TService>(string name, Func<TService, CancellationToken, Task> run, CancellationToken ct)
        where TService : notnull
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await run(scope.ServiceProvider.GetRequiredService<TService>(), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The {Work} failed; it will run again", name);
        }
    }
}
