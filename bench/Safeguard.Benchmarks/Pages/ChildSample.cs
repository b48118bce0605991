using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Benchmarks.Pages;

/// <summary>A child whose record the benchmark opens, and why it was chosen.</summary>
public sealed record SampledChild(Guid Id, bool LongHistory, int History);

/// <summary>
/// The children whose records are opened: a quarter with the longest histories (contacts + referrals + plans), the rest a
/// seeded random sample of children with an open case. Restricted and merged records are left out: the bench worker is on
/// no access list (404) and a merged record redirects.
/// </summary>
public static class ChildSample
{
    public static async Task<IReadOnlyList<SampledChild>> PickAsync(SafeguardDbContext db, int count, int seed)
    {
        const int top = 500;
        var contacts = await db.ContactChildren.GroupBy(c => c.PersonId).Select(g => new { g.Key, N = g.Count() })
            .OrderByDescending(x => x.N).Take(top).ToListAsync();
        var referrals = await db.Referrals.GroupBy(r => r.PersonId).Select(g => new { g.Key, N = g.Count() })
            .OrderByDescending(x => x.N).Take(top).ToListAsync();
        var plans = await db.ChildPlans.GroupBy(p => p.PersonId).Select(g => new { g.Key, N = g.Count() })
            .OrderByDescending(x => x.N).Take(top).ToListAsync();
        var excluded = (await db.People.Where(p => p.IsRestricted || p.MergedIntoPersonId != null).Select(p => p.Id).ToListAsync()).ToHashSet();

        // Among the children at the top of any of the three counts, the largest totals of all three.
        var ids = contacts.Select(x => x.Key).Concat(referrals.Select(x => x.Key)).Concat(plans.Select(x => x.Key))
            .Distinct().Where(id => !excluded.Contains(id)).ToList();
        var history = ids.ToDictionary(id => id, _ => 0);
        foreach (var (key, n) in contacts.Select(x => (x.Key, x.N)).Concat(referrals.Select(x => (x.Key, x.N))).Concat(plans.Select(x => (x.Key, x.N))))
        {
            if (history.ContainsKey(key)) history[key] += n;
        }
        var longest = history.OrderByDescending(h => h.Value).ThenBy(h => h.Key).Take(count / 4)
            .Select(h => new SampledChild(h.Key, true, h.Value)).ToList();

        var chosen = longest.Select(c => c.Id).ToHashSet();
        var open = (await db.CaseAllocations.Where(a => a.EndedAt == null).Select(a => a.PersonId).Distinct().ToListAsync())
            .Where(id => !excluded.Contains(id) && !chosen.Contains(id)).Order().ToArray();
        new Random(seed).Shuffle(open);
        var sampled = open.Take(count - longest.Count).ToList();
        var sampledHistory = await HistoryOfAsync(db, sampled);
        return [.. longest, .. sampled.Select(id => new SampledChild(id, false, sampledHistory.GetValueOrDefault(id)))];
    }

    private static async Task<Dictionary<Guid, int>> HistoryOfAsync(SafeguardDbContext db, List<Guid> ids)
    {
        var counts = await db.ContactChildren.Where(c => ids.Contains(c.PersonId)).Select(c => c.PersonId)
            .Concat(db.Referrals.Where(r => ids.Contains(r.PersonId)).Select(r => r.PersonId))
            .Concat(db.ChildPlans.Where(p => ids.Contains(p.PersonId)).Select(p => p.PersonId))
            .ToListAsync();
        return counts.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
    }
}
