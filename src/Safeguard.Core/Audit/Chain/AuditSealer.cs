using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Safeguard.Core.Data;

namespace Safeguard.Core.Audit.Chain;

/// <summary>What one run of the sealer did.</summary>
/// <param name="Sealed">Events given their chain position and hash in this run.</param>
/// <param name="LastSequence">The chain's last position after the run (0: nothing sealed yet).</param>
/// <param name="Skipped">The run stopped early: another sealer holds the chain or moved it on (then <paramref name="Sealed"/> may
/// count batches sealed before it did), or the writers did not let go in time, or <paramref name="Refused"/>.</param>
/// <param name="Refused">Why the sealer would not extend the chain: it does not reach its anchor (events were deleted, or an
/// older copy restored), which `safeguard audit verify` then names.</param>
public sealed record SealResult(long Sealed, long LastSequence, TimeSpan Elapsed, bool Skipped, string? Refused = null);

/// <summary>
/// Chains committed events, after the fact, in commit order: events are written as they always were (the partner intake
/// keeps its speed), and this gives each, in id order, a seal (<see cref="AuditSeal"/>, a row of its own: the event is
/// never updated) with its chain position and <c>SHA-256(previous hash || the event)</c> (<see cref="ChainLink"/>).
/// Only events below a horizon are sealed, an id below which no event can still appear:
/// <list type="bullet">
/// <item>SQLite has one writer at a time and gives ids in commit order, so every committed event is below it.</item>
/// <item>PostgreSQL gives ids when a row is inserted, not when it commits, so a lower id can commit after a higher
/// one. Every id is taken by an INSERT holding the table in ROW EXCLUSIVE mode; taking it for an instant in SHARE mode
/// waits for every such writer to finish (and holds new ones back for that instant), and the highest id then
/// visible is the horizon: any id not visible below it belongs to a rolled-back insert and never appears.</item>
/// </list>
/// One sealer at a time: on PostgreSQL a session advisory lock, on SQLite the write lock of each batch; and a seal's
/// event and position are each unique, so two sealers can never seal an event twice or give out the same place.
/// After a run that advanced the chain, its new head is anchored (<see cref="ChainAnchoring"/>: one line, not one per
/// event). Before extending the chain, the sealer checks that it still reaches the last anchor with the same hash there:
/// it never builds on a chain whose newest events have gone, which would hide their loss.
/// </summary>
public sealed class AuditSealer(SafeguardDbContext db, ChainAnchoring? anchoring = null)
{
    public const int DefaultBatchSize = 5_000;

    /// <summary>How long the sealer waits for the writers to let go of the events table before giving up this run.</summary>
    public static readonly TimeSpan HorizonWait = TimeSpan.FromSeconds(5);

    /// <summary>Arbitrary, fixed: the advisory lock key that says "the audit chain is being sealed".</summary>
    private const long AdvisoryLockKey = 0x5AFE_A0D1_C4A1;

    /// <summary>Events sealed per transaction. Smaller batches hold SQLite's single write lock for less time each.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    public async Task<SealResult> SealAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (postgres && !await ScalarAsync<bool>($"SELECT pg_try_advisory_lock({AdvisoryLockKey})", ct))
            {
                return new SealResult(0, 0, clock.Elapsed, Skipped: true);
            }
            try
            {
                var horizon = postgres ? await PostgresHorizonAsync(ct) : await db.Events.MaxAsync(e => (long?)e.Id, ct);
                if (horizon is null && postgres) return new SealResult(0, 0, clock.Elapsed, Skipped: true);
                long sealedNow = 0, last = 0;
                byte[]? lastHash;
                try
                {
                    while (true)
                    {
                        if (await SealBatchAsync(horizon ?? 0, postgres, checkAnchor: sealedNow == 0, ct) is not { } batch)
                        {
                            // Another sealer (on SQLite: the CLI, or another app process) moved the chain meanwhile.
                            return new SealResult(sealedNow, last, clock.Elapsed, Skipped: true);
                        }
                        (var count, last, lastHash) = batch;
                        sealedNow += count;
                        if (count < BatchSize) break;
                    }
                }
                catch (ChainShorterThanAnchorException ex)
                {
                    return new SealResult(0, ex.Head, clock.Elapsed, Skipped: true, ex.Message);
                }
                // Under the advisory lock on PostgreSQL, so anchors are appended in the chain's order.
                if (sealedNow > 0 && anchoring is not null) await anchoring.RecordAsync(last, lastHash!, ct);
                return new SealResult(sealedNow, last, clock.Elapsed, Skipped: false);
            }
            finally
            {
                if (postgres) await ScalarAsync<bool>($"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The highest event id once no insert into the events table is in flight; null if the writers did not let go in time.</summary>
    private async Task<long?> PostgresHorizonAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await ExecuteAsync($"SET LOCAL lock_timeout = '{(int)HorizonWait.TotalMilliseconds}ms'", ct);
            await ExecuteAsync("LOCK TABLE \"Events\" IN SHARE MODE", ct);
            var horizon = await ScalarAsync<long?>("SELECT max(\"Id\") FROM \"Events\"", ct) ?? 0;
            await transaction.CommitAsync(ct);
            return horizon;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return null;
        }
    }

    /// <summary>
    /// Seals the next events (at most one batch) up to the horizon, in one transaction; returns how many and the chain's
    /// last position and hash. On SQLite the events are read and hashed before the write transaction opens, so the one
    /// write lock is held only for the seals' inserts and the commit, and intake's commits wait that long and no longer
    /// (p99 280–410 ms before, about 105 ms after: bench/README.md); the transaction then checks that the chain still ends
    /// where it was read, and if another sealer moved it meanwhile, nothing is written and the answer is null. On
    /// PostgreSQL, where the advisory lock keeps other sealers out and writers do not wait for this one, all of it runs
    /// in the one transaction, as it always did.
    /// </summary>
    private async Task<(int Count, long LastSequence, byte[]? LastHash)?> SealBatchAsync(long horizon, bool postgres, bool checkAnchor, CancellationToken ct)
    {
        await using var transaction = postgres ? await db.Database.BeginTransactionAsync(ct) : null;
        var tail = await db.TailAsync(ct);
        var (afterId, sequence) = (tail?.EventId ?? 0, tail?.Sequence ?? 0);
        var previous = tail?.Hash ?? ChainLink.Start.ToArray();
        var batch = await db.Events.AsNoTracking()
            .Where(e => e.Id > afterId && e.Id <= horizon).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
        if (batch.Count == 0) return (0, sequence, tail?.Hash);
        if (checkAnchor && anchoring?.File is { } anchorFile) await CheckAnchorAsync(anchorFile, sequence, tail?.Hash, ct);

        var ids = new long[batch.Count];
        var sequences = new long[batch.Count];
        var hashes = new byte[batch.Count][];
        for (var i = 0; i < batch.Count; i++)
        {
            sequence++;
            previous = ChainLink.Hash(previous, sequence, batch[i]);
            (ids[i], sequences[i], hashes[i]) = (batch[i].Id, sequence, previous);
        }

        await using var sqliteWrite = postgres ? null : await db.Database.BeginTransactionAsync(ct);
        if (!postgres && await db.TailAsync(ct) is var tailNow && tailNow?.Sequence != tail?.Sequence) return null;
        if (postgres) await InsertPostgresAsync(ids, sequences, hashes, ct);
        else InsertSqlite(ids, sequences, hashes);
        await (transaction ?? sqliteWrite)!.CommitAsync(ct);
        return (batch.Count, sequence, previous);
    }

    /// <summary>Throws when the chain, ending at <paramref name="head"/>, does not reach the last anchor or holds another hash there.</summary>
    private async Task CheckAnchorAsync(ChainAnchorFile file, long head, byte[]? headHash, CancellationToken ct)
    {
        if (await file.ReadLastAsync(ct) is not { Position: > 0 } anchor) return;
        var hash = anchor.Position == head ? headHash
            : anchor.Position > head ? null
            : await db.AuditSeals.AsNoTracking().Where(s => s.Sequence == anchor.Position).Select(s => s.Hash).FirstOrDefaultAsync(ct);
        var finding = AnchorFinding.Compare(new AnchorReading(file.Path, true, anchor, []), head, hash);
        if (finding.ShowsLoss)
        {
            throw new ChainShorterThanAnchorException(head,
                $"The audit chain was not extended: {finding.Message}. Run `safeguard audit verify`; after a deliberate restore, `safeguard audit anchor reset --reason ...`.");
        }
    }

    private sealed class ChainShorterThanAnchorException(long head, string message) : Exception(message)
    {
        public long Head { get; } = head;
    }

    private void InsertSqlite(long[] ids, long[] sequences, byte[][] hashes)
    {
        using var command = Command("INSERT INTO \"AuditSeals\" (\"EventId\", \"Sequence\", \"Hash\") VALUES ($id, $s, $h)");
        var (id, s, h) = (Parameter(command, "$id"), Parameter(command, "$s"), Parameter(command, "$h"));
        command.Prepare();
        for (var i = 0; i < ids.Length; i++)
        {
            (id.Value, s.Value, h.Value) = (ids[i], sequences[i], hashes[i]);
            command.ExecuteNonQuery();
        }
    }

    private async Task InsertPostgresAsync(long[] ids, long[] sequences, byte[][] hashes, CancellationToken ct)
    {
        await using var command = Command("""
            INSERT INTO "AuditSeals" ("EventId", "Sequence", "Hash") SELECT * FROM unnest(@id, @s, @h)
            """);
        (Parameter(command, "id").Value, Parameter(command, "s").Value, Parameter(command, "h").Value) = (ids, sequences, hashes);
        await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }
}
