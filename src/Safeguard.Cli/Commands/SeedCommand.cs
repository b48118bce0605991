using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.Seeding;

namespace Safeguard.Cli.Commands;

internal static class SeedCommand
{
    public static Command Create()
    {
        var size = new Option<string>("--size") { Description = "demo (a small fictional council) or large (a synthetic council over 10 years)", DefaultValueFactory = _ => "demo" };
        size.AcceptOnlyFromAmong("demo", "large");
        var seed = new Option<int>("--seed") { Description = "Random seed for the large council: the same seed gives the same data", DefaultValueFactory = _ => 1 };
        var scale = new Option<double>("--scale") { Description = "Fraction of the full large council (1.0 = about 300,000 people, 1,000,000 contacts)", DefaultValueFactory = _ => 1.0 };
        var walked = new Option<int>("--walked-months")
        {
            Description = "Months before today whose cases the large council works through the domain services (the rest is bulk-loaded); 0 for none",
            DefaultValueFactory = _ => 3,
        };
        var noDrops = new Option<bool>("--no-drops")
        {
            Description = "Leave out the real falls in the flow that the large council's history carries (docs/large-seed.md, \"Injected drops\")",
        };
        var command = new Command("seed", "Migrate, then fill the database with demo or synthetic data") { size, seed, scale, walked, noDrops };
        CliDatabase.AddOptionsTo(command, migratesItself: true);
        command.SetAction(async (parse, ct) =>
        {
            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
                var seeded = await scope.ServiceProvider.GetRequiredService<DemoCouncil>().SeedIfEmptyAsync(ct);
                Console.WriteLine(seeded ? $"Seeded the demo council ({DemoAccounts.CouncilName})." : "The demo council is already there.");
            }
            if (parse.GetValue(size) == "large")
            {
                if (parse.GetValue(scale) is <= 0 or > 10)
                {
                    Console.Error.WriteLine("--scale must be more than 0 and at most 10.");
                    return 2;
                }
                if (parse.GetValue(walked) is < 0 or > 120)
                {
                    Console.Error.WriteLine("--walked-months must be from 0 to 120.");
                    return 2;
                }
                var stopwatch = Stopwatch.StartNew();
                await LargeSeedRunner.RunAsync(provider, connection, parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(walked),
                    !parse.GetValue(noDrops), ct);
                Console.WriteLine($"Large council seeded in {stopwatch.Elapsed.TotalSeconds:F1} s.");
            }
            return 0;
        });
        return command;
    }
}
