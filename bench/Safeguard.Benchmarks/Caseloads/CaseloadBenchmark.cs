using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Records;
using Safeguard.Core.Security;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using static Safeguard.Benchmarks.Trays.TrayBenchmark;

namespace Safeguard.Benchmarks.Caseloads;

/// <summary>
/// Server time of the service calls behind the team caseload page, the service-level caseload page, a worker's home page
/// ("My work") and a team manager's home page, on a seeded database (the large synthetic council):
/// `caseloads --provider sqlite|postgres --connection CS [--runs N] [--system] [--sql] [--steps]`. Prints p50/p95/max per page
/// (`--steps`: also each part of the service page on its own).
/// `--seed-small FILE` first seeds a small council into a new SQLite file (large seeder at scale 0.01, plus allocations
/// of its allocated referrals, some children with three workers) to check the scenario runs; its numbers are not a result.
/// </summary>
public static class CaseloadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = DatabaseOptions.ParseProvider(Option(args, "--provider") ?? "sqlite");
        var connection = Option(args, "--connection");
        if (Option(args, "--seed-small") is { } file)
        {
            provider = DatabaseProvider.Sqlite;
            connection = $"Data Source={file}";
            await SmallCouncil.SeedAsync(connection);
        }
        if (connection is null) throw new ArgumentException("--connection (or --seed-small FILE) is required");
        var runs = int.Parse(Option(args, "--runs") ?? "200", System.Globalization.CultureInfo.InvariantCulture);
        var builder = new DbContextOptionsBuilder<SafeguardDbContext>();
        DatabaseOptions.Configure(builder, provider, connection);
        if (args.Contains("--sql")) builder.LogTo(Console.WriteLine, Microsoft.Extensions.Logging.LogLevel.Information);
        var options = builder.Options;
        // As a signed-in manager on no access list, as the pages run (need to know in every query that names children).
        var reader = args.Contains("--system") ? Actor.System : new Actor(Guid.Parse("0190f0a0-0000-7000-8000-00000000be12"), "Bench manager");
        SafeguardDbContext NewContext() => new(options, new FixedActorContext(reader), TimeProvider.System);
        var settings = Options.Create(new CaseloadSettings());
        Core.Allocation.Caseloads Loads(SafeguardDbContext db) => new(db, settings);

        Guid busiestTeam, busiestWorker;
        await using (var db = NewContext())
        {
            var open = db.CaseAllocations.Where(a => a.EndedAt == null);
            Console.WriteLine($"{provider}: {await db.CaseAllocations.CountAsync():N0} allocations ({await open.CountAsync():N0} open), "
                + $"{await db.Users.CountAsync():N0} staff, {await db.WorkItems.CountAsync(w => w.ClosedAt == null):N0} open work items");
            if (!await open.AnyAsync())
            {
                Console.WriteLine("No open allocations: seed allocations first (or use --seed-small FILE to check the scenario).");
                return 1;
            }
            busiestWorker = await open.GroupBy(a => a.WorkerId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            busiestTeam = await db.Users.Where(u => u.Id == busiestWorker).Select(u => u.TeamId!.Value).SingleAsync();
        }

        await Measure("Team caseload page (the busiest worker's team)", runs, async () =>
        {
            await using var db = NewContext();
            var loads = Loads(db);
            _ = await loads.TeamsAsync();
            return (await loads.ForTeamAsync(busiestTeam)).Count;
        });
        await Measure("Service caseload page (every team, children with 3+ workers, allocations outside the rules)", runs, async () =>
        {
            await using var db = NewContext();
            var service = await Loads(db).ForServiceAsync();
            var many = await new ManyWorkersList(db).ListAsync();
            var outsideRules = await new AllocationExceptions(db).CountAsync(ExceptionsPeriod.Default(Core.Timescales.TimeLimits.UkDay(DateTimeOffset.UtcNow)));
            return service.Teams.Count + many.Total + outsideRules.CompetenceOverrides + outsideRules.BeyondCapacity;
        });
        if (args.Contains("--steps"))
        {
            var today = Core.Timescales.TimeLimits.UkDay(DateTimeOffset.UtcNow);
            await Measure("  its teams' caseloads (Caseloads.ForServiceAsync)", runs, async () =>
            {
                await using var db = NewContext();
                return (await Loads(db).ForServiceAsync()).Teams.Count;
            });
            await Measure("  its children with 3+ workers (ManyWorkersList.ListAsync)", runs, async () =>
            {
                await using var db = NewContext();
                return (await new ManyWorkersList(db).ListAsync()).Total;
            });
            await Measure("  its outside-the-rules counts (AllocationExceptions.CountAsync)", runs, async () =>
            {
                await using var db = NewContext();
                var counts = await new AllocationExceptions(db).CountAsync(ExceptionsPeriod.Default(today));
                return counts.CompetenceOverrides + counts.BeyondCapacity;
            });
        }
        await Measure("Worker's home page (the busiest worker: cases, own work overdue first)", runs, async () =>
        {
            await using var db = NewContext();
            var cases = await new WorkerCases(db, Loads(db)).ForWorkerAsync(busiestWorker);
            var work = await new VisibleWork(db, new TeamWork(db)).WorkerPageAsync(busiestWorker);
            return cases.Count + work.Total;
        });
        await Measure("Team manager's home page (waiting, not accepted, overdue by worker, team tray)", runs, async () =>
        {
            await using var db = NewContext();
            var visible = new VisibleWork(db, new TeamWork(db));
            var overview = new TeamOverview(db);
            var waiting = await visible.UnallocatedPageAsync(busiestTeam, 1, 20);
            var notAccepted = await overview.NotYetAcceptedAsync(busiestTeam);
            var overdue = await overview.OverdueByWorkerAsync(busiestTeam);
            var tray = await visible.PageAsync(busiestTeam, null);
            return waiting.Total + notAccepted.Count + overdue.Count + tray.Total;
        });
        return 0;
    }

    /// <summary>A small council to check the scenario on (not for results): the large seeder at a small scale, plus allocations.</summary>
    private static class SmallCouncil
    {
        public static async Task SeedAsync(string connection)
        {
            var options = DatabaseOptions.Build(DatabaseProvider.Sqlite, connection);
            await using (var db = new SafeguardDbContext(options, new FixedActorContext(Actor.System), TimeProvider.System))
            {
                await db.Database.MigrateAsync();
                if (!await db.Contacts.AnyAsync())
                {
                    var today = DateOnly.FromDateTime(DateTime.UtcNow);
                    await new Core.Seeding.Large.LargeCouncilSeeder().RunAsync(DatabaseProvider.Sqlite, connection,
                        new Core.Seeding.Large.LargeSeedOptions { Scale = 0.01, EndDate = today });
                }
            }
            await using var context = new SafeguardDbContext(options, new FixedActorContext(Actor.System), TimeProvider.System);
            if (await context.CaseAllocations.AnyAsync()) return;
            await AllocateAsync(context);
        }

        private static readonly ConstructorInfo Constructor = typeof(CaseAllocation).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic,
            [typeof(Guid), typeof(Guid), typeof(Guid), typeof(CaseKind), typeof(AllocationDiscussion), typeof(DateTimeOffset)])!;

        /// <summary>An allocation per allocated referral; every tenth child also had two earlier workers this year.</summary>
        private static async Task AllocateAsync(SafeguardDbContext db)
        {
            var now = DateTimeOffset.UtcNow;
            var referrals = await db.Referrals.Where(r => r.Status == ReferralStatus.Allocated && r.AllocatedWorkerId != null)
                .Select(r => new { r.Id, r.PersonId, r.TeamId, Worker = r.AllocatedWorkerId!.Value, r.ReferralDate }).ToListAsync();
            var staff = await db.Users.Where(u => u.TeamId != null).Select(u => new { u.Id, u.TeamId }).ToListAsync();
            var n = 0;
            foreach (var r in referrals)
            {
                var at = new DateTimeOffset(r.ReferralDate.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
                if (n++ % 10 == 0)
                {
                    var others = staff.Where(s => s.TeamId == r.TeamId && s.Id != r.Worker).Take(2).ToList();
                    for (var i = 0; i < others.Count; i++)
                    {
                        db.CaseAllocations.Add(New(r.PersonId, r.Id, r.TeamId, others[i].Id, now.AddMonths(-9 + 4 * i), now.AddMonths(-5 + 4 * i)));
                    }
                }
                db.CaseAllocations.Add(New(r.PersonId, r.Id, r.TeamId, r.Worker, at > now ? now : at, null, accepted: n % 7 != 0));
            }
            await db.SaveChangesAsync();
            Console.WriteLine($"Small council: {referrals.Count:N0} allocated referrals allocated");
        }

        private static CaseAllocation New(Guid personId, Guid referralId, Guid teamId, Guid workerId, DateTimeOffset at, DateTimeOffset? ended,
            bool accepted = true)
        {
            var discussion = new AllocationDiscussion(at, workerId, workerId, [new AgreedAction("Visit", DateOnly.FromDateTime(at.UtcDateTime).AddDays(5))],
                "Bench");
            var allocation = (CaseAllocation)Constructor.Invoke([personId, referralId, teamId, CaseKind.ChildInNeed, discussion, at]);
            Set(allocation, nameof(CaseAllocation.AcceptedAt), accepted ? at.AddDays(1) : null);
            Set(allocation, nameof(CaseAllocation.EndedAt), ended);
            return allocation;
        }

        private static void Set(CaseAllocation allocation, string property, object? value) =>
            typeof(CaseAllocation).GetProperty(property)!.GetSetMethod(nonPublic: true)!.Invoke(allocation, [value]);
    }
}
