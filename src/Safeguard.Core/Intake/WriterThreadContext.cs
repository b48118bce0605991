using System.Collections.Concurrent;

namespace Safeguard.Core.Intake;

/// <summary>
/// Runs async work on the calling thread: every continuation of the work (each <c>await</c> in our code) is posted back
/// here and run on this thread, instead of queueing in the thread pool. The intake writer runs its batches this way, so
/// the one serial step of intake never waits in the pool's queue behind the requests it is serving (on PostgreSQL the
/// batch is otherwise "idle in transaction" while its next step waits for a pool thread).
/// </summary>
internal sealed class WriterThreadContext : SynchronizationContext
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _posted = new();

    public override void Post(SendOrPostCallback d, object? state) => _posted.Add((d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("The intake writer's thread only runs posted work.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Work posted and not yet run (diagnostics and tests).</summary>
    internal int Pending => _posted.Count;

    /// <summary>Runs <paramref name="work"/> and everything it posts here until it completes; rethrows its exception.</summary>
    public void Run(Func<Task> work)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            // Left from the last run: at most the wake-up below, when that work finished as it was being added.
            while (_posted.TryTake(out var left)) left.Callback(left.State);
            var task = work();
            // Wakes the loop below once the work is done, from whichever thread completes it. (On SQLite the work has
            // usually finished already: it never waits.)
            if (!task.IsCompleted)
            {
                task.ContinueWith(_ => _posted.Add((static _ => { }, null)), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            while (!task.IsCompleted)
            {
                var (callback, state) = _posted.Take();
                callback(state);
            }
            task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
