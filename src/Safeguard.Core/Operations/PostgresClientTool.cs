using System.Diagnostics;
using Npgsql;

namespace Safeguard.Core.Operations;

/// <summary>pg_dump and pg_restore, found on the PATH and run with the connection string's server, user and password.</summary>
internal sealed class PostgresClientTool
{
    private readonly string _path;

    private PostgresClientTool(string name, string path) => (Name, _path) = (name, path);

    public string Name { get; }

    /// <exception cref="BackupFailedException">The tool is not on the PATH.</exception>
    public static PostgresClientTool Find(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
        return path is null
            ? throw new BackupFailedException($"{name} is not on the PATH. Install the PostgreSQL client tools of the server's version or newer "
                + "(Debian: apt-get install postgresql-client), or run the commands in docs/operations.md, \"Backup and restore\".")
            : new PostgresClientTool(name, path);
    }

    /// <summary>Runs the tool against the database the connection string names; its error output becomes the exception's message.</summary>
    public async Task RunAsync(string connectionString, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(_path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in ConnectionArguments(connectionString, start.Environment).Concat(arguments)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new BackupFailedException($"Could not start {_path}.");
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await output;
        if (process.ExitCode != 0)
        {
            var said = (await errors).Trim().ReplaceLineEndings(" ");
            throw new BackupFailedException($"{Name} failed (exit code {process.ExitCode}): {Text.Clip.WithMarker(said, 601, "…")}");
        }
    }

    /// <summary>libpq's options for the server and database; the password goes in the environment, never on the command line.</summary>
    private static IEnumerable<string> ConnectionArguments(string connectionString, IDictionary<string, string?> environment)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.Password)) environment["PGPASSWORD"] = csb.Password;
        environment["PGSSLMODE"] = csb.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        yield return "--no-password";
        if (!string.IsNullOrEmpty(csb.Host)) yield return $"--host={csb.Host}";
        yield return $"--port={csb.Port}";
        if (!string.IsNullOrEmpty(csb.Username)) yield return $"--username={csb.Username}";
        yield return $"--dbname={csb.Database}";
    }
}
