using System.CommandLine;
using Safeguard.Cli.Commands;

var root = new RootCommand("Safeguard: children's social care case records — operator commands");
foreach (var command in CommandCatalogue.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
