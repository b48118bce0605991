using System.CommandLine;
using Safeguard.Core.Workforce;

namespace Safeguard.Cli.Commands;

/// <summary>
/// `safeguard team add|list|rename|retire|reinstate`: the council's teams, without SQL. The same rules and events as
/// the admin pages (<see cref="TeamAdministration"/>). Exit 2 when the input is wrong or the change is refused.
/// </summary>
internal static class TeamCommands
{
    public static Command Create()
    {
        var command = new Command("team", "The council's teams: add, list, rename, retire");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Rename());
        command.Subcommands.Add(Retire(retire: true));
        command.Subcommands.Add(Retire(retire: false));
        return command;
    }

    private static Command Add()
    {
        var name = new Option<string>("--name") { Description = "The team's name, e.g. 'Assessment Team North'", Required = true };
        var kind = new Option<string>("--kind") { Description = $"One of: {WorkforceKinds.Choices<TeamKind>()}", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why it is added (kept on the event)" };
        var command = new Command("add", "Add a team") { name, kind, reason };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var run = WorkforceRun.Start(parse);
            var result = await run.Get<TeamAdministration>().AddAsync(new TeamInput(parse.GetValue(name), parse.GetValue(kind)), parse.GetValue(reason), ct);
            if (!result.Succeeded) return run.Refused(result);
            var added = (await run.Get<TeamAdministration>().FindAsync(result.Id!.Value, ct))!;
            run.Output.WriteLine($"Added {added.Name} ({WorkforceKinds.DisplayName(added.Kind)}).");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var all = new Option<bool>("--all") { Description = "Also list retired teams" };
        var command = new Command("list", "List teams: name, kind, members, open work items, status") { all };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var run = WorkforceRun.Start(parse);
            var teams = await run.Get<TeamAdministration>().ListAsync(parse.GetValue(all), ct);
            if (teams.Count == 0)
            {
                run.Output.WriteLine("There are no teams. Add one with `safeguard team add --name NAME --kind KIND`.");
                return 0;
            }
            run.Table(["NAME", "KIND", "MEMBERS", "OPEN WORK", "STATUS"], teams.Select(t => new[]
            {
                t.Name, WorkforceKinds.DisplayName(t.Kind), t.Members.ToString(), t.OpenWorkItems.ToString(), WorkforceRun.Status(t.RetiredAt),
            }));
            return 0;
        });
        return command;
    }

    private static Command Rename()
    {
        var name = new Option<string>("--name") { Description = "The team's current name", Required = true };
        var to = new Option<string>("--to") { Description = "Its new name", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (kept on the event)", Required = true };
        var command = new Command("rename", "Rename a team") { name, to, reason };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var run = WorkforceRun.Start(parse);
            var admin = run.Get<TeamAdministration>();
            if (await admin.FindByNameAsync(parse.GetValue(name)!, ct) is not { } current) return run.NotFound("team", parse.GetValue(name)!);
            var result = await admin.ChangeAsync(current.Id, current.Version, new TeamInput(parse.GetValue(to), current.Kind.ToString()),
                parse.GetValue(reason), ct);
            if (!result.Succeeded) return run.Refused(result, nameOption: "--to");
            run.Output.WriteLine($"Renamed {current.Name} to {parse.GetValue(to)!.Trim()}.");
            return 0;
        });
        return command;
    }

    private static Command Retire(bool retire)
    {
        var name = new Option<string>("--name") { Description = "The team's name", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (kept on the event)", Required = true };
        var command = retire
            ? new Command("retire", "Retire a team: it gets no new work (refused while it owns open work)") { name, reason }
            : new Command("reinstate", "Undo retiring a team: it can get new work again") { name, reason };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var run = WorkforceRun.Start(parse);
            var admin = run.Get<TeamAdministration>();
            var wanted = parse.GetValue(name)!.Trim();
            var current = (await admin.ListAsync(includeRetired: true, ct))
                .Where(t => string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase))
                .OrderBy(t => t.IsRetired == retire).FirstOrDefault();
            if (current is null) return run.NotFound("team", wanted);
            var result = retire
                ? await admin.RetireAsync(current.Id, current.Version, parse.GetValue(reason), ct)
                : await admin.ReinstateAsync(current.Id, current.Version, parse.GetValue(reason), ct);
            if (!result.Succeeded) return run.Refused(result);
            run.Output.WriteLine(retire ? $"Retired {current.Name}: it gets no new work." : $"Reinstated {current.Name}: it can get new work again.");
            return 0;
        });
        return command;
    }
}
