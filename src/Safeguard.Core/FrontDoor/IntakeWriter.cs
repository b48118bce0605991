using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.Security;

namespace Safeguard.Core.FrontDoor;

public sealed class IntakeWriterOptions
{
    public const string Section = "IntakeWriter";

    /// <summary>At most this many waiting contacts are recorded in one transaction (one commit).</summary>
    public int MaxBatch { get; set; } = 64;

    /// <summary>
    /// Writer loops, each recording its own batches on its own connection. 1 suits SQLite (one writer at a time
    /// anyway). PostgreSQL commits concurrent transactions together by itself, and the person-index lookups of
    /// each contact run inside the writer, so a few loops there let that work overlap. Two loops never put one
    /// idempotency key in two contacts: the unique index fails one batch, whose items are then recorded alone.
    /// 0 (the default): 1 on SQLite, 4 on PostgreSQL.
    /// </summary>
    public int Writers { get; set; }

    /// <summary>At most this many contacts wait for the writer; further callers wait for room (back-pressure).</summary>
    public int QueueCapacity { get; set; } = 4096;
}

/// <summary>
/// Group commit for contact intake (used by the partner API). Callers queue a contact and wait; ONE writer loop takes
/// every contact waiting (up to <see cref="IntakeWriterOptions.MaxBatch"/>) and records them with
/// <see cref="ContactIntake.RecordBatchAsync"/> in one transaction, so one durable commit (one fsync) serves the
/// whole batch. A caller's task completes only after that commit has returned: an acknowledged contact is on disk.
/// While a batch commits the next one gathers, so batches grow with load and a lone request waits for no timer.
/// If a batch fails, each of its contacts is recorded again alone (its own transaction): only a bad one fails.
/// Each contact's events carry its own actor. Idempotency keys are resolved in the batch (a key twice in one batch
/// makes one contact) and by the unique index across batches and processes.
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _log;
    private readonly int _maxBatch;
    private readonly Channel<Pending> _queue;
    private readonly Task[] _loops;

    private sealed record Pending(IntakeRequest Request, TaskCompletionSource<IdempotentIntake> Done);

    public IntakeWriter(IServiceScopeFactory scopes, IOptions<IntakeWriterOptions> options, ILoggerFactory? loggers = null)
    {
        _scopes = scopes;
        _log = (ILogger?)loggers?.CreateLogger<IntakeWriter>() ?? NullLogger.Instance;
        _maxBatch = Math.Max(1, options.Value.MaxBatch);
        var writers = options.Value.Writers > 0 ? options.Value.Writers : DefaultWriters(scopes);
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            SingleReader = writers == 1,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // The loop must not inherit the first caller's execution context (its HTTP request, its actor).
        using (ExecutionContext.SuppressFlow())
        {
            _loops = Enumerable.Range(0, writers).Select(_ => Task.Run(RunAsync)).ToArray();
        }
    }

    private static int DefaultWriters(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var provider = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Database.ProviderName ?? "";
        return provider.Contains("Npgsql", StringComparison.Ordinal) ? 4 : 1;
    }

    /// <summary>Batches recorded so far (diagnostics and tests).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    private long _batches;

    /// <summary>
    /// Records the contact (see <see cref="ContactIntake.RecordAsync(NewContact, IdempotencyClaim?, CancellationToken)"/>)
    /// as <paramref name="actor"/>, completing after the commit. Cancelling stops the wait, not the recording: once
    /// queued the contact is recorded, and a retry with the same idempotency key is given it.
    /// </summary>
    public async Task<IdempotentIntake> RecordAsync(NewContact contact, IdempotencyClaim? idempotency, Actor actor, CancellationToken ct = default)
    {
        ContactIntake.Validate(contact);
        var pending = new Pending(new IntakeRequest(contact, idempotency, actor),
            new TaskCompletionSource<IdempotentIntake>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task.WaitAsync(ct);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(_maxBatch);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception ex)
            {
                // WriteAsync completes every item itself; this is only a last guard so the loop never dies.
                foreach (var pending in batch) pending.Done.TrySetException(ex);
            }
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        Interlocked.Increment(ref _batches);
        if (batch.Count > 1)
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var intake = scope.ServiceProvider.GetRequiredService<ContactIntake>();
                var results = await intake.RecordBatchAsync(batch.Select(p => p.Request).ToList());
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
                return;
            }
            catch (Exception ex)
            {
                _log.LogWarning(ex, "A batch of {Count} contacts could not be recorded together; recording each alone", batch.Count);
            }
        }
        foreach (var pending in batch)
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
                db.ActingAs = pending.Request.Actor;
                var intake = scope.ServiceProvider.GetRequiredService<ContactIntake>();
                pending.Done.TrySetResult(await intake.RecordAsync(pending.Request.Contact, pending.Request.Idempotency));
            }
            catch (Exception ex)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>Stops taking contacts and records those already queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
    }
}
