using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;

namespace Safeguard.Core.Intake;

public sealed class IntakeWriterOptions
{
    public const string Section = "IntakeWriter";

    /// <summary>At most this many waiting contacts are recorded in one transaction (one commit).</summary>
    public int MaxBatch { get; set; } = 128;

    /// <summary>At most this many contacts wait for the writer; further callers wait for room (back-pressure).</summary>
    public int QueueCapacity { get; set; } = 4096;

    /// <summary>
    /// At most this many requests look up their children in the person index at once (0: twice the processor count).
    /// More only queue inside the database: on PostgreSQL each is a server process, and dozens of them at once starve the
    /// writer's own server process, which every request then waits for.
    /// </summary>
    public int ConcurrentLookups { get; set; }
}

/// <summary>
/// Group commit for contact intake (used by the partner API).
/// <list type="number">
/// <item>On the caller's thread, in parallel with other callers: the children's links to the person index are decided
/// (<see cref="ContactIntake.PlanAsync"/>, reads only).</item>
/// <item>The contact is queued and the caller waits. ONE writer loop takes every contact waiting (up to
/// <see cref="IntakeWriterOptions.MaxBatch"/>) and records them with <see cref="ContactIntake.RecordBatchAsync"/>: one
/// transaction, one save, one durable commit (one fsync) for the whole batch, each contact's events under its own actor.
/// The writer only checks each decision against the people added since it was made (see
/// <see cref="People.RecentNewPeople"/>) and writes.</item>
/// <item>A caller's task completes only after that commit has returned: an acknowledged contact is on disk.</item>
/// </list>
/// While a batch commits the next one gathers, so batches grow with load and a lone request waits for no timer.
/// If a batch fails, each of its contacts is recorded again alone (its own transaction): only a bad one fails.
/// Idempotency keys are resolved in the batch (a key twice in one batch makes one contact) and by the unique index
/// across batches and processes. One loop, because the recheck against recently added people assumes batches are
/// written one after another.
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _log;
    private readonly int _maxBatch;
    private readonly Channel<Pending> _queue;
    private readonly SemaphoreSlim _lookups;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Pending(IntakeRequest Request, TaskCompletionSource<IdempotentIntake> Done);

    public IntakeWriter(IServiceScopeFactory scopes, IOptions<IntakeWriterOptions> options, ILoggerFactory? loggers = null)
    {
        _scopes = scopes;
        _log = (ILogger?)loggers?.CreateLogger<IntakeWriter>() ?? NullLogger.Instance;
        _maxBatch = Math.Max(1, options.Value.MaxBatch);
        var lookups = options.Value.ConcurrentLookups > 0 ? options.Value.ConcurrentLookups : 2 * Environment.ProcessorCount;
        _lookups = new SemaphoreSlim(lookups, lookups);
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // A thread of its own: the writer is the one serial step of intake, so it must not wait in the thread pool's
        // queue behind the requests it is serving. UnsafeStart: it must not inherit the first caller's execution
        // context (its HTTP request, its actor).
        new Thread(Run) { IsBackground = true, Name = "Safeguard intake writer" }.UnsafeStart();
    }

    /// <summary>Batches recorded so far (diagnostics and tests).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Time the writer loop has spent recording batches (diagnostics: the rest of the time it was idle).</summary>
    public TimeSpan WritingTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _writingTicks));

    private long _batches;
    private long _writingTicks;

    /// <summary>
    /// Records the contact (see <see cref="ContactIntake.RecordAsync(NewContact, IdempotencyClaim?, CancellationToken)"/>)
    /// as <paramref name="actor"/>, completing after the commit. Cancelling stops the wait, not the recording: once
    /// queued the contact is recorded, and a retry with the same idempotency key is given it.
    /// </summary>
    public async Task<IdempotentIntake> RecordAsync(NewContact contact, IdempotencyClaim? idempotency, Actor actor, CancellationToken ct = default)
    {
        ContactIntake.Validate(contact);
        var links = await PlanAsync(contact, ct);
        var pending = new Pending(new IntakeRequest(contact, idempotency, actor, links),
            new TaskCompletionSource<IdempotentIntake>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        var intake = await pending.Done.Task.WaitAsync(ct);
        if (intake.Result == IntakeResult.Recorded) Diagnostics.SafeguardMetrics.ReferralsAccepted.Add(1);
        return intake;
    }

    /// <summary>
    /// Decides the children's links (<see cref="ContactIntake.PlanAsync"/>) in a lookup scope kept from earlier requests,
    /// its connection open: making a context and opening its connection cost about as much CPU as the lookups themselves.
    /// A scope is used by one lookup at a time, so there are at most as many as lookup turns; one whose lookup failed is
    /// dropped, not used again.
    /// </summary>
    private async Task<PlannedLinks> PlanAsync(NewContact contact, CancellationToken ct)
    {
        await _lookups.WaitAsync(ct);
        AsyncServiceScope? scope = null;
        try
        {
            if (_lookupScopes.TryTake(out var kept)) scope = kept;
            else
            {
                Interlocked.Increment(ref _lookupScopesMade);
                scope = await OpenKeptScopeAsync(writer: false, ct);
            }
            var links = await scope.Value.ServiceProvider.GetRequiredService<ContactIntake>().PlanAsync(contact, ct);
            if (!_queue.Reader.Completion.IsCompleted)
            {
                _lookupScopes.Add(scope.Value);
                scope = null;
            }
            return links;
        }
        finally
        {
            if (scope is { } dropped) await dropped.DisposeAsync();
            _lookups.Release();
        }
    }

    private readonly ConcurrentBag<AsyncServiceScope> _lookupScopes = [];

    /// <summary>Lookup scopes made so far (diagnostics and tests: they are kept, so this stays small).</summary>
    internal int LookupScopesMade => _lookupScopesMade;

    private int _lookupScopesMade;

    /// <summary>
    /// A scope whose connection is open and stays open (its statements kept, <see cref="SqliteStatementCache"/>),
    /// for a lookup or for the writer (with the writer's own settings, <see cref="WriterConnection"/>).
    /// </summary>
    private async Task<AsyncServiceScope> OpenKeptScopeAsync(bool writer, CancellationToken ct = default)
    {
        var scope = _scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Database;
            await db.OpenConnectionAsync(ct);
            if (writer) await WriterConnection.ConfigureAsync(db.GetDbConnection(), ct);
            SqliteStatementCache.KeepFor(db.GetDbConnection());
            return scope;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private void Run()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(_maxBatch);
        var ownThread = new WriterThreadContext();
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < _maxBatch && reader.TryRead(out var pending)) batch.Add(pending);
            var started = Stopwatch.GetTimestamp();
            try
            {
                ownThread.Run(() => WriteAsync(batch));
            }
            catch (Exception ex)
            {
                // WriteAsync completes every item itself; this is only a last guard so the loop never dies.
                foreach (var pending in batch) pending.Done.TrySetException(ex);
                ownThread.Run(DropWriterScopeAsync);
            }
            batch.Clear();
            Interlocked.Add(ref _writingTicks, Stopwatch.GetTimestamp() - started);
        }
        ownThread.Run(DropWriterScopeAsync);
        _stopped.SetResult();
    }

    /// <summary>
    /// The writer's own scope, kept from batch to batch with its connection open: the context's services are made once,
    /// and on SQLite each table's INSERT stays compiled (<see cref="AddedRows"/>). Dropped after a failure, so a
    /// broken connection is not used again.
    /// </summary>
    private AsyncServiceScope? _scope;

    /// <summary>The writer scope's intake, with the writer's way to the database (<see cref="WriterContactStore"/>).</summary>
    private ContactIntake? _intake;

    private async Task<ContactIntake> WriterIntakeAsync()
    {
        if (_intake is { } intake) return intake;
        var scope = await OpenKeptScopeAsync(writer: true);
        _scope = scope;
        var services = scope.ServiceProvider;
        _intake = ActivatorUtilities.CreateInstance<ContactIntake>(services,
            new WriterContactStore(services.GetRequiredService<SafeguardDbContext>()));
        return _intake;
    }

    private async Task DropWriterScopeAsync()
    {
        _intake = null;
        if (_scope is not { } scope) return;
        _scope = null;
        try
        {
            await scope.DisposeAsync();
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "The intake writer's database connection could not be closed cleanly");
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        Interlocked.Increment(ref _batches);
        if (batch.Count > 1)
        {
            try
            {
                var results = await (await WriterIntakeAsync()).RecordBatchAsync(batch.Select(p => p.Request).ToList());
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
                return;
            }
            catch (Exception ex)
            {
                await DropWriterScopeAsync();
                _log.LogWarning(ex, "A batch of {Count} contacts could not be recorded together; recording each alone", batch.Count);
            }
        }
        foreach (var pending in batch)
        {
            try
            {
                pending.Done.TrySetResult(await (await WriterIntakeAsync()).RecordAsync(pending.Request));
            }
            catch (Exception ex)
            {
                await DropWriterScopeAsync();
                pending.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>Stops taking contacts and records those already queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopped.Task;
        while (_lookupScopes.TryTake(out var scope)) await scope.DisposeAsync();
    }
}
