using Safeguard.Core.Data;
using Safeguard.Core.Seeding.Large;
using Spectre.Console;

namespace Safeguard.Cli.Commands;

/// <summary>Runs the large synthetic council generator with a progress bar per phase.</summary>
internal static class LargeSeedRunner
{
    public static async Task RunAsync(DatabaseProvider provider, string connection, int seed, double scale, int walkedMonths, bool drops,
        CancellationToken ct)
    {
        var options = new LargeSeedOptions
        {
            Seed = seed,
            Scale = scale,
            WalkedMonths = walkedMonths,
            Drops = drops ? InjectedDrops.Default : null,
            EndDate = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date),
        };
        LargeSeedResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new Progress<SeedProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Phase, out var task))
                    {
                        tasks[p.Phase] = task = context.AddTask(p.Phase, maxValue: Math.Max(1, p.Total));
                    }
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                result = await new LargeCouncilSeeder().RunAsync(provider, connection, options, progress, ct);
                foreach (var task in tasks.Values) task.Value = task.MaxValue;
            });
        if (result is { } r)
        {
            AnsiConsole.WriteLine($"People {r.People:N0}, contacts {r.Contacts:N0}, referrals {r.Referrals:N0}, assessments {r.Assessments:N0}, " +
                $"plans {r.ChildPlans:N0}, cases worked through the services {r.CasesWalked:N0}, section 47 enquiries {r.Section47Enquiries:N0}, conferences {r.Conferences:N0}, allocations {r.CaseAllocations:N0}, supervision records {r.SupervisionRecords:N0}, " +
                $"open work items {r.WorkItems:N0}, events {r.Events:N0} ({r.TotalRows:N0} rows).");
        }
    }
}
