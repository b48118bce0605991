using System.Diagnostics;

namespace Safeguard.Benchmarks.Census;

/// <summary>
/// The peak memory of a stretch of work in this process: the working set's high-water mark (reset at the start through
/// /proc/self/clear_refs where Linux allows it, else the process's peak since it started) and the managed heap, sampled.
/// </summary>
internal sealed class PeakMemory
{
    public static readonly bool CanReset = TryReset();

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _heap;

    public PeakMemory()
    {
        TryReset();
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _heap = Math.Max(_heap, GC.GetTotalMemory(forceFullCollection: false));
                try { await Task.Delay(20, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    /// <summary>The peak working set and the peak managed heap, in bytes.</summary>
    public (long WorkingSet, long Heap) Stop()
    {
        _stop.Cancel();
        _sampler.Wait();
        using var process = Process.GetCurrentProcess();
        return (process.PeakWorkingSet64, Math.Max(_heap, GC.GetTotalMemory(forceFullCollection: false)));
    }

    // Writing 5 to clear_refs resets the peak resident set size (VmHWM) that PeakWorkingSet64 reads (Linux 4.0 and later).
    private static bool TryReset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
