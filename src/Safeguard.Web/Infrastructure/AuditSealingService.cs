using Safeguard.Core.Audit.Chain;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Seals new events into the audit chain every <c>AuditChain:SealIntervalSeconds</c> (default 5), in transactions of
/// <c>AuditChain:SealBatchSize</c> events (default <see cref="DefaultBatchSize"/>: on SQLite, intake's commits wait while a
/// batch holds the one write lock, so small batches keep that wait short), switched off with
/// <c>AuditChain:SealEnabled=false</c> (then `safeguard audit seal` must run instead). Several app processes may run
/// it: one seals at a time, the others find the chain held and wait for the next interval. Each run that advances the
/// chain anchors its head (<c>AuditChain:AnchorPath</c>, and the log); a chain that no longer reaches its anchor is not
/// extended, and each run says so in the log until an operator resets the anchor.
/// </summary>
public sealed class AuditSealingService(IServiceScopeFactory scopes, IConfiguration config, ILogger<AuditSealingService> log) : BackgroundService
{
    public const int DefaultBatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("AuditChain:SealEnabled", true)) return;
        var seconds = Math.Max(1, config.GetValue("AuditChain:SealIntervalSeconds", 5));
        var batchSize = Math.Max(1, config.GetValue("AuditChain:SealBatchSize", DefaultBatchSize));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sealer = scope.ServiceProvider.GetRequiredService<AuditSealer>();
                sealer.BatchSize = batchSize;
                var result = await sealer.SealAsync(stoppingToken);
                if (result.Refused is { } refused)
                {
                    log.LogError("{Refused}", refused);
                }
                else if (result.Sealed > 0)
                {
                    log.LogDebug("Audit chain: sealed {Sealed} events up to position {Last} in {Elapsed} ms",
                        result.Sealed, result.LastSequence, (long)result.Elapsed.TotalMilliseconds);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Sealing the audit chain failed; it runs again at the next interval");
            }
        }
    }
}
