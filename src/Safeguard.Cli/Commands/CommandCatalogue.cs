using System.CommandLine;

namespace Safeguard.Cli.Commands;

/// <summary>Every top-level `safeguard` command. Each command lives in its own file and exposes Create().</summary>
internal static class CommandCatalogue
{
    public static IEnumerable<Command> All() =>
    [
        MigrateCommand.Create(),
        SeedCommand.Create(),
        CalendarCommands.Create(),
        PeopleCommands.Create(),
        PartnerKeyCommands.Create(),
        OrganisationCommands.Create(),
        TeamCommands.Create(),
        ReturnsCommands.Create(),
        FlowCommands.Create(),
        PerformanceCommands.Create(),
        BackupCommands.Create(),
        RestoreCommand.Create(),
        AuditCommands.Create(),
        DatabaseCommands.Create(),
    ];
}
