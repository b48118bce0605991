using System.Globalization;
using Safeguard.Core.Audit.Chain;
using Safeguard.Core.Data;

namespace Safeguard.Core.Operations;

/// <summary>A restored database, the manifest written with its backup, and the same read from the restored database.</summary>
/// <param name="Anchor">The live chain's anchor file to compare the restored chain's end with (null: not compared).</param>
public sealed record RestoredDatabase(SafeguardDbContext Db, DatabaseManifest Expected, DatabaseManifest Found, ChainAnchorFile? Anchor = null);

/// <summary>
/// One thing a restored database must show to be the backup it came from. The checks run in order and each lists its
/// differences (none: passed). The last is the audit chain's own verification (Audit/Chain).
/// </summary>
public interface IRestoreCheck
{
    string Name { get; }

    Task<IReadOnlyList<string>> DifferencesAsync(RestoredDatabase restored, CancellationToken ct);
}

public static class RestoreChecks
{
    public static IReadOnlyList<IRestoreCheck> All { get; } = [new MigrationsCheck(), new TableRowsCheck(), new EventSequenceCheck(), new AuditChainCheck()];

    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>The same migrations applied, no more and no fewer.</summary>
internal sealed class MigrationsCheck : IRestoreCheck
{
    public string Name => "Migrations applied";

    public Task<IReadOnlyList<string>> DifferencesAsync(RestoredDatabase restored, CancellationToken ct)
    {
        var found = restored.Found.Migrations.ToHashSet(StringComparer.Ordinal);
        var expected = restored.Expected.Migrations.ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> differences =
        [
            .. restored.Expected.Migrations.Where(m => !found.Contains(m)).Select(m => $"Migration {m} is not applied."),
            .. restored.Found.Migrations.Where(m => !expected.Contains(m)).Select(m => $"Migration {m} is applied but was not in the backup."),
        ];
        return Task.FromResult(differences);
    }
}

/// <summary>Every table there, with exactly the rows it had.</summary>
internal sealed class TableRowsCheck : IRestoreCheck
{
    public string Name => "Rows in every table";

    public Task<IReadOnlyList<string>> DifferencesAsync(RestoredDatabase restored, CancellationToken ct)
    {
        var differences = new List<string>();
        foreach (var (table, rows) in restored.Expected.Tables)
        {
            if (!restored.Found.Tables.TryGetValue(table, out var found)) differences.Add($"Table {table} is missing ({RestoreChecks.N(rows)} rows expected).");
            else if (found != rows) differences.Add($"Table {table} has {RestoreChecks.N(found)} rows; the backup had {RestoreChecks.N(rows)}.");
        }
        differences.AddRange(restored.Found.Tables.Keys.Where(t => !restored.Expected.Tables.ContainsKey(t))
            .Select(t => $"Table {t} was not in the backup."));
        return Task.FromResult<IReadOnlyList<string>>(differences);
    }
}

/// <summary>Every event there, with its id, in its order, unchanged: the digests of the sequence agree.</summary>
internal sealed class EventSequenceCheck : IRestoreCheck
{
    public string Name => "Events: every one, in order, with its id";

    public Task<IReadOnlyList<string>> DifferencesAsync(RestoredDatabase restored, CancellationToken ct)
    {
        var (expected, found) = (restored.Expected.Events, restored.Found.Events);
        var differences = new List<string>();
        if (found.Count != expected.Count) differences.Add($"There are {RestoreChecks.N(found.Count)} events; the backup had {RestoreChecks.N(expected.Count)}.");
        if (found.FirstId != expected.FirstId || found.LastId != expected.LastId)
        {
            differences.Add($"The events run from id {found.FirstId} to {found.LastId}; in the backup, from {expected.FirstId} to {expected.LastId}.");
        }
        if (found.Digest != expected.Digest)
        {
            differences.Add("The events differ from the backup's (their digests do not agree) " + WhereTheyDiffer(expected, found) + ".");
        }
        return Task.FromResult<IReadOnlyList<string>>(differences);
    }

    private static string WhereTheyDiffer(EventSequence expected, EventSequence found)
    {
        long? agreedUpTo = null;
        foreach (var (e, f) in expected.Checkpoints.Zip(found.Checkpoints))
        {
            if (e != f) return agreedUpTo is null ? $"at or before event id {e.UpToId}" : $"after event id {agreedUpTo}, at or before {e.UpToId}";
            agreedUpTo = e.UpToId;
        }
        return agreedUpTo is null ? "somewhere among them" : $"after event id {agreedUpTo}";
    }
}

/// <summary>
/// The audit chain intact: <see cref="AuditChainVerifier"/> over the restored events, whatever the manifest says (an event
/// changed, or deleted, before the backup was taken is found here, not by comparing with the manifest). Given the live
/// anchor file, also its end: a backup older than the anchor shows as truncated, which a deliberate restore then
/// acknowledges with `safeguard audit anchor reset`.
/// </summary>
internal sealed class AuditChainCheck : IRestoreCheck
{
    public string Name => "Audit chain intact";

    public async Task<IReadOnlyList<string>> DifferencesAsync(RestoredDatabase restored, CancellationToken ct)
    {
        var verification = await new AuditChainVerifier(restored.Db).VerifyAsync(restored.Anchor, ct);
        var differences = new List<string>();
        if (verification.FirstBreak is { } first)
        {
            differences.Add($"The audit chain is broken at event {first.EventId}: {first.Problem}"
                + (verification.Breaks > 1 ? $" ({RestoreChecks.N(verification.Breaks)} broken links in all)." : "."));
        }
        differences.AddRange(verification.Anchor.Unreadable.Select(line => $"The anchor file {verification.Anchor.Source} has a line that is not an anchor, left out: {line}."));
        if (verification.Anchor.ShowsLoss)
        {
            differences.Add($"Against the anchor: {verification.Anchor.Message}. A backup older than the anchor shows so; if it was restored on purpose, "
                + "record it with `safeguard audit anchor reset --reason \"...\"` before Safeguard seals again.");
        }
        return differences;
    }
}
