using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.People;

public sealed record DuplicateSweepResult(int PeopleScanned, int PairsFound, int Queued, int KeysFilled, TimeSpan Elapsed);

/// <summary>
/// Finds likely duplicates already in the database and queues the pairs it has not queued before (in any status:
/// a pair judged "not the same person" is never queued again). Never merges: every pair, certain or possible, is
/// for a person to decide. People are compared in chunks by year of birth (plus one chunk without a date of
/// birth), so memory stays bounded on a large database; a pair whose years of birth differ is left to the intake
/// linker, which blocks on names and identifiers across years.
/// </summary>
public sealed class DuplicateSweep(SafeguardDbContext db, PersonMatchingSettings settings)
{
    public async Task<DuplicateSweepResult> RunAsync(CancellationToken ct = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var filled = await FillNameKeysAsync(ct);
        var known = (await db.DuplicateCandidates.AsNoTracking().Select(c => new { c.PersonId1, c.PersonId2 }).ToListAsync(ct))
            .Select(c => (c.PersonId1, c.PersonId2)).ToHashSet();
        var years = await db.People.AsNoTracking().Where(p => p.MergedIntoPersonId == null && p.DateOfBirth != null)
            .Select(p => p.DateOfBirth!.Value.Year).Distinct().ToListAsync(ct);
        int scanned = 0, found = 0, queued = 0;
        foreach (var year in years.Cast<int?>().Append(null))
        {
            ct.ThrowIfCancellationRequested();
            var people = db.People.AsNoTracking().Where(p => p.MergedIntoPersonId == null);
            if (year is { } y)
            {
                var from = new DateOnly(y, 1, 1);
                var to = new DateOnly(y, 12, 31);
                people = people.Where(p => p.DateOfBirth >= from && p.DateOfBirth <= to);
            }
            else
            {
                people = people.Where(p => p.DateOfBirth == null);
            }
            var ids = await people.Select(p => p.Id).ToListAsync(ct);
            if (ids.Count < 2) { scanned += ids.Count; continue; }
            var loaded = await PersonCandidates.LoadAsync(db, ids, ct);
            scanned += loaded.Count;
            var byId = loaded.ToDictionary(l => l.Record.Id);
            var result = PersonMatcher.Deduplicate(loaded.Select(l => l.Record).ToList(), settings.Thresholds.Possible,
                new DedupeOptions { Model = settings.Model, EstimateWeights = false, TransitiveClosure = false });
            var now = db.Time.GetUtcNow();
            foreach (var pair in result.Pairs)
            {
                found++;
                var a = byId[pair.Id1];
                var b = byId[pair.Id2];
                if (!known.Add(DuplicateCandidate.Order(a.Id, b.Id))) continue;
                var comparison = PersonMatcher.Compare(a.Record, b.Record, settings.Model, settings.Thresholds);
                var candidate = new DuplicateCandidate(a.Id, b.Id, Math.Round(comparison.Score, 2), comparison.Band.ToString(),
                    PersonCandidates.ExplanationJson(comparison.Explanation), DuplicateFoundBy.Sweep, now);
                db.DuplicateCandidates.Add(candidate);
                var pairQueued = new DuplicateQueued(candidate.Id, a.Id, $"{a.Record.GivenName} {a.Record.FamilyName}", b.Id,
                    $"{b.Record.GivenName} {b.Record.FamilyName}", comparison.Score, DuplicateFoundBy.Sweep);
                db.Record(pairQueued, a.Id, nameof(Person), b.Id);
                db.Record(pairQueued, b.Id, nameof(Person), a.Id);
                queued++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return new DuplicateSweepResult(scanned, found, queued, filled, clock.Elapsed);
    }

    /// <summary>Rows written before the name keys existed (or by bulk loaders) get their keys.</summary>
    private async Task<int> FillNameKeysAsync(CancellationToken ct)
    {
        var filled = 0;
        while (true)
        {
            var batch = await db.People.Where(p => p.FamilyNameKey == null && p.GivenNameKey == null && (p.FamilyName != "" || p.GivenName != ""))
                .Take(1000).ToListAsync(ct);
            batch = batch.Where(p => p.FamilyNameKey is not null || p.GivenNameKey is not null).ToList();
            if (batch.Count == 0) break;
            foreach (var p in batch)
            {
                var entry = db.Entry(p);
                entry.Property(x => x.GivenNameKey).IsModified = true;
                entry.Property(x => x.FamilyNameKey).IsModified = true;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            filled += batch.Count;
            if (batch.Count < 1000) break;
        }
        return filled;
    }
}
