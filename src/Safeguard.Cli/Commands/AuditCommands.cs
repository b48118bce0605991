using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit.Chain;

namespace Safeguard.Cli.Commands;

/// <summary>
/// `safeguard audit seal`: chain the events committed so far; `safeguard audit verify`: check the whole chain and name its
/// first broken link, and check its end against the anchor; `safeguard audit anchor reset`: accept the chain as it now is
/// after a deliberate restore (docs/operations.md, "Audit chain").
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
        var anchor = new Command("anchor", "The anchor of the chain's end, kept outside the database (AuditChain__AnchorPath)");
        anchor.Subcommands.Add(CreateAnchorReset());
        audit.Subcommands.Add(anchor);
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
            if (result.Refused is { } refused)
            {
                Console.Error.WriteLine(refused);
                return Broken;
            }
            Console.WriteLine(result.Skipped
                ? result.Sealed > 0
                    ? $"Sealed {N(result.Sealed)} events, then another sealer moved the chain on: it seals the rest."
                    : "Another sealer holds the chain, or the writers did not let go in time: nothing sealed. Try again."
                : $"Sealed {N(result.Sealed)} events in {result.Elapsed.TotalSeconds:F1} s; the chain has {N(result.LastSequence)}.");
            return 0;
        });
        return command;
    }

    private static Command CreateVerify()
    {
        var noSeal = new Option<bool>("--no-seal") { Description = "Check only: do not seal the newest events first" };
        var anchorFile = new Option<string?>("--anchor") { Description = "Check the chain's end against this anchor file (a copy), not the one in AuditChain__AnchorPath" };
        var command = new Command("verify", "Check the whole audit chain; name the first broken link, and events missing after the anchor (exit code 3 when broken)")
        {
            noSeal, anchorFile,
        };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            if (!parse.GetValue(noSeal)) await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAsync(ct);
            var verifier = scope.ServiceProvider.GetRequiredService<AuditChainVerifier>();
            var v = parse.GetValue(anchorFile) is { } file
                ? await verifier.VerifyAsync(new ChainAnchorFile(file), ct)
                : await verifier.VerifyAsync(ct);
            Console.WriteLine($"Checked {N(v.Checked)} events in {v.Elapsed.TotalSeconds:F1} s: {N(v.Sealed)} sealed, {N(v.NotYetSealed)} not yet sealed.");
            foreach (var line in v.Anchor.Unreadable)
            {
                Console.Error.WriteLine($"The anchor file {v.Anchor.Source} has a line that is not an anchor, left out: {line}.");
            }
            Console.WriteLine($"Anchor: {v.Anchor.Message}.");
            if (v.FirstBreak is { } first)
            {
                Console.WriteLine($"The audit chain is broken: {N(v.Breaks)} broken link(s). The first is event {first.EventId}: {first.Problem}.");
            }
            if (v.Anchor.ShowsLoss)
            {
                Console.WriteLine("The audit chain has lost events after its anchor. If an older backup was restored on purpose, record it: "
                    + "safeguard audit anchor reset --reason \"...\".");
            }
            if (!v.Intact) return Broken;
            Console.WriteLine("The audit chain is intact.");
            return 0;
        });
        return command;
    }

    private static Command CreateAnchorReset()
    {
        var reason = new Option<string>("--reason") { Description = "Why the chain is accepted as it now is (e.g. which backup was restored, and when)", Required = true };
        var path = new Option<string?>("--anchor-path") { Description = "The anchor directory (default: AuditChain__AnchorPath)" };
        var command = new Command("reset", "Accept the chain as it now is after a deliberate restore: append a reset line, with the reason, to the anchor file")
        {
            reason, path,
        };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var directory = parse.GetValue(path) ?? Environment.GetEnvironmentVariable("AuditChain__AnchorPath");
            if (string.IsNullOrWhiteSpace(directory))
            {
                Console.Error.WriteLine("No anchor directory: set AuditChain__AnchorPath or pass --anchor-path DIR.");
                return 2;
            }
            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            var file = ChainAnchorFile.InDirectory(directory);
            var anchor = await scope.ServiceProvider.GetRequiredService<ChainAnchoring>().ResetAsync(
                scope.ServiceProvider.GetRequiredService<Core.Data.SafeguardDbContext>(), file, parse.GetValue(reason)!, ct);
            Console.WriteLine($"Appended to {file.Path}: {anchor.ToLine()}");
            Console.WriteLine($"The chain is accepted as ending at {N(anchor.Position)}; it is sealed and anchored from there on.");
            return 0;
        });
        return command;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
