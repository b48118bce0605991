using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit.Chain;

namespace Safeguard.Cli.Commands;

/// <summary>
/// `safeguard audit seal`: chain the events committed so far; `safeguard audit verify`: check the whole chain and name its
/// first broken link (docs/operations.md, "Audit chain").
/// </summary>
internal static class AuditCommands
{
    /// <summary>Exit code of a verify that found the chain broken.</summary>
    public const int Broken = 3;

    public static Command Create()
    {
        var audit = new Command("audit", "The tamper-evident audit chain of events");
        audit.Subcommands.Add(CreateSeal());
        audit.Subcommands.Add(CreateVerify());
        return audit;
    }

    private static Command CreateSeal()
    {
        var command = new Command("seal", "Give every committed event not yet sealed its chain position and hash (the web app does this every few seconds)");
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAsync(ct);
            Console.WriteLine(result.Skipped
                ? "Another sealer holds the chain, or the writers did not let go in time: nothing sealed. Try again."
                : $"Sealed {N(result.Sealed)} events in {result.Elapsed.TotalSeconds:F1} s; the chain has {N(result.LastSequence)}.");
            return 0;
        });
        return command;
    }

    private static Command CreateVerify()
    {
        var noSeal = new Option<bool>("--no-seal") { Description = "Check only: do not seal the newest events first" };
        var command = new Command("verify", "Check the whole audit chain; name the first broken link (exit code 3 when broken)") { noSeal };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            if (!parse.GetValue(noSeal)) await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAsync(ct);
            var v = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(ct);
            Console.WriteLine($"Checked {N(v.Checked)} events in {v.Elapsed.TotalSeconds:F1} s: {N(v.Sealed)} sealed, {N(v.NotYetSealed)} not yet sealed.");
            if (v.FirstBreak is not { } first)
            {
                Console.WriteLine("The audit chain is intact.");
                return 0;
            }
            Console.WriteLine($"The audit chain is broken: {N(v.Breaks)} broken link(s). The first is event {first.EventId}: {first.Problem}.");
            return Broken;
        });
        return command;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
