using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.Security;

namespace Safeguard.Benchmarks.Pages;

/// <summary>A child with a chronology of at least a given length, for timing the chronology page.</summary>
public static class ChronologyChild
{
    /// <summary>
    /// Tops the child's chronology up to <paramref name="wanted"/> entries with significant events added through the
    /// service (one a day going back), and returns how many entries it has.
    /// </summary>
    public static async Task<int> EnsureEntriesAsync(DbContextOptions<SafeguardDbContext> options, Guid child, int wanted)
    {
        var actor = new Actor(null, "Benchmark");
        await using var db = new SafeguardDbContext(options, new FixedActorContext(actor), TimeProvider.System);
        var have = (await new ChildChronologies(db).ForChildAsync(child, new ChronologyFilter())).Total;
        var now = TimeProvider.System.GetUtcNow();
        for (var i = have; i < wanted; i++)
        {
            await using var each = new SafeguardDbContext(options, new FixedActorContext(actor), TimeProvider.System);
            var result = await new SignificantEvents(each).AddAsync(child, new SignificantEventInput(now.AddDays(-(i + 1)),
                $"Benchmark entry {i + 1}: a hospital attendance reported by phone", "Benchmark"));
            if (result.Outcome != SignificanceOutcome.Saved) throw new InvalidOperationException($"Could not add a chronology entry: {result.Outcome}");
        }
        return Math.Max(have, wanted);
    }
}
