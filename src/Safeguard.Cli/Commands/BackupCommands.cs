using System.CommandLine;
using Safeguard.Core.Operations;

namespace Safeguard.Cli.Commands;

/// <summary>
/// `safeguard backup --output FILE`: the database backed up while Safeguard runs, with its manifest beside it;
/// `safeguard backup verify --manifest FILE`: a database checked against a backup's manifest (docs/operations.md).
/// </summary>
internal static class BackupCommands
{
    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "The backup file to write (its manifest is written beside it as FILE.manifest.json)", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the file if it is already there" };
        var command = new Command("backup", "Back up the database while Safeguard runs: SQLite's online backup into one file, or pg_dump's custom format")
        {
            output, force,
        };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (provider, connection) = CliDatabase.Resolve(parse);
            return await BackupOutcome.RunAsync(async () =>
            {
                var result = await new DatabaseBackups(TimeProvider.System).BackupAsync(provider, connection, parse.GetValue(output)!, parse.GetValue(force), ct);
                var m = result.Manifest;
                Console.WriteLine($"Backed up the {provider} database to {result.Output} ({BackupOutcome.Size(result.Bytes)}) in {result.Elapsed.TotalSeconds:F1} s"
                    + (result.Copied < result.Elapsed ? $" (copied in {result.Copied.TotalSeconds:F1} s, then its manifest read)" : "") + ": "
                    + $"{m.Tables.Count} tables, {BackupOutcome.N(m.Rows)} rows, {BackupOutcome.N(m.Events.Count)} events"
                    + (m.Events.LastId is { } last ? $" (ids {BackupOutcome.N(m.Events.FirstId ?? 0)} to {BackupOutcome.N(last)})." : "."));
                Console.WriteLine($"Manifest: {result.ManifestPath}");
                return 0;
            });
        });
        command.Subcommands.Add(CreateVerify());
        return command;
    }

    private static Command CreateVerify()
    {
        var manifest = new Option<string>("--manifest") { Description = "The manifest written beside the backup (FILE.manifest.json)", Required = true };
        var command = new Command("verify", "Check a database (a restored backup) against a backup's manifest: migrations, rows of every table, every event in order")
        {
            manifest,
        };
        CliDatabase.AddOptionsTo(command, checksItself: true);
        command.SetAction(async (parse, ct) =>
        {
            var (provider, connection) = CliDatabase.Resolve(parse);
            return await BackupOutcome.RunAsync(async () =>
            {
                var expected = await DatabaseManifest.ReadAsync(parse.GetValue(manifest)!, ct);
                var verification = await new DatabaseBackups(TimeProvider.System).VerifyAsync(provider, connection, expected, ct);
                return BackupOutcome.Report(verification);
            });
        });
        return command;
    }
}
