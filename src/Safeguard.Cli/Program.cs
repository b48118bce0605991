using System.CommandLine;
using Safeguard.Cli.Commands;
using Safeguard.Core.Data;

var root = new RootCommand("Safeguard: children's social care case records — operator commands");
foreach (var command in CommandCatalogue.All())
{
    root.Subcommands.Add(command);
}

var parse = root.Parse(args);
// Every command that uses the database, except those that migrate it, first checks that it is there and migrated.
if (parse.Errors.Count == 0 && CliDatabase.NeedsMigratedDatabase(parse.CommandResult.Command)
    && await CliDatabase.CheckAsync(parse, CancellationToken.None) is { } problem)
{
    Console.Error.WriteLine(problem);
    return CliDatabase.DatabaseNotReady;
}

try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (parse.CommandResult.Command.Options.Contains(CliDatabase.Connection)
    && DatabaseProblem.Describe(ex, CliDatabase.Resolve(parse).Provider, CliDatabase.Resolve(parse).ConnectionString) is { } line)
{
    // A database that went away or cannot be reached while the command ran: one line, not a stack trace.
    Console.Error.WriteLine(line);
    return CliDatabase.DatabaseNotReady;
}
