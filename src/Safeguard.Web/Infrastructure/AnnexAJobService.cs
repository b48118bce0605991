using System.Threading.Channels;
using Safeguard.Core.Returns.AnnexA;

namespace Safeguard.Web.Infrastructure;

/// <summary>Wakes the Annex A runner at once when an export is asked for on this instance.</summary>
public sealed class AnnexAJobSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    internal ChannelReader<bool> Reader => _wake.Reader;
}

/// <summary>
/// Runs the Annex A exports asked for on the returns page (<see cref="AnnexAJobs"/>): at once when asked on this
/// instance, and every <c>Returns:AnnexAPollSeconds</c> (default 30) for those asked on another or left by a stopped
/// process; off with <c>Returns:AnnexAJobsEnabled=false</c>.
/// </summary>
public sealed class AnnexAJobService(IServiceScopeFactory scopes, AnnexAJobSignal signal, IConfiguration config, TimeProvider time,
    ILogger<AnnexAJobService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Returns:AnnexAJobsEnabled", true)) return;
        var poll = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Returns:AnnexAPollSeconds", 30)));
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunWaitingAsync(stoppingToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(signal.Reader.WaitToReadAsync(wait.Token).AsTask(), Task.Delay(poll, time, wait.Token));
            await wait.CancelAsync();
            signal.Reader.TryRead(out _);
        }
    }

    private async Task RunWaitingAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<AnnexAJobs>().RunNextAsync(ct)) return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "An Annex A export failed; it is marked as stopped for its requester");
                return;
            }
        }
    }
}
