using System.Globalization;
using Safeguard.Core.Operations;

namespace Safeguard.Cli.Commands;

/// <summary>How backup, restore and verify end: their exit codes and the check's report.</summary>
internal static class BackupOutcome
{
    /// <summary>The restored database is not the backup: a check found differences.</summary>
    public const int Differs = 3;

    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (BackupInputException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        catch (BackupFailedException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    public static int Report(BackupVerification verification)
    {
        var found = verification.Found;
        Console.WriteLine($"Checked against the backup's manifest in {verification.Elapsed.TotalSeconds:F1} s:");
        foreach (var check in verification.Checks)
        {
            Console.WriteLine($"  {check.Name}: {(check.Passed ? "as in the backup" : $"{check.Differences.Count} difference(s)")}");
            foreach (var difference in check.Differences.Take(20)) Console.WriteLine($"    {difference}");
            if (check.Differences.Count > 20) Console.WriteLine($"    and {check.Differences.Count - 20} more");
        }
        if (verification.Schema.Problem is { } schema) Console.WriteLine($"Before Safeguard can use it: {schema}");
        if (!verification.IsIntact)
        {
            Console.Error.WriteLine("The database is not the backup: see the differences above.");
            return Differs;
        }
        Console.WriteLine($"The database is the backup: {found.Tables.Count} tables, {BackupOutcome.N(found.Rows)} rows, "
            + $"{BackupOutcome.N(found.Events.Count)} events, every one in order with its id.");
        return 0;
    }

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("F2", CultureInfo.InvariantCulture) + " GB"
        : (bytes / (double)(1L << 20)).ToString("F1", CultureInfo.InvariantCulture) + " MB";
}
