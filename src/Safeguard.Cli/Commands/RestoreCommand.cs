using System.CommandLine;
using Safeguard.Core.Audit.Chain;
using Safeguard.Core.Operations;

namespace Safeguard.Cli.Commands;

/// <summary>`safeguard restore --input FILE`: a backup restored into a new database, then checked against its manifest.</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "The backup file (`safeguard backup --output`)", Required = true };
        var manifest = new Option<string?>("--manifest") { Description = "The backup's manifest (default: FILE.manifest.json beside it)" };
        var force = new Option<bool>("--force") { Description = "Replace the contents of a database that already has data" };
        var anchor = new Option<string?>("--anchor") { Description = "Also check the restored chain's end against this audit anchor file (the live one, or a copy)" };
        var command = new Command("restore", "Restore a backup into a new database (--provider/--connection name it), then check it against the backup's manifest")
        {
            input, manifest, force, anchor,
        };
        CliDatabase.AddOptionsTo(command, checksItself: true);
        command.SetAction(async (parse, ct) =>
        {
            var (provider, connection) = CliDatabase.Resolve(parse);
            return await BackupOutcome.RunAsync(async () =>
            {
                var result = await new DatabaseBackups(TimeProvider.System)
                    .RestoreAsync(provider, connection, parse.GetValue(input)!, parse.GetValue(manifest), parse.GetValue(force), ct,
                        parse.GetValue(anchor) is { } anchorFile ? new ChainAnchorFile(anchorFile) : null);
                if (result.Target.WasInUse)
                {
                    Console.Error.WriteLine($"The database {result.Target.Where} was in use while it was replaced: restart whatever uses it (Safeguard) now.");
                }
                Console.WriteLine($"Restored {Path.GetFullPath(parse.GetValue(input)!)} into the {provider} database {result.Target.Where}"
                    + $"{(result.Target.Replaced ? ", replacing what it held," : "")} in {result.RestoreTime.TotalSeconds:F1} s.");
                return BackupOutcome.Report(result.Verification);
            });
        });
        return command;
    }
}
