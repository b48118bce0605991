using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Workforce;

namespace Safeguard.Cli.Commands;

/// <summary>
/// `safeguard organisation add|list|rename|retire|reinstate`: the partner agencies that refer children, without SQL.
/// The same rules and events as the admin pages (<see cref="OrganisationAdministration"/>). Exit 2 when the input is wrong.
/// </summary>
internal static class OrganisationCommands
{
    public static Command Create()
    {
        var command = new Command("organisation", "Partner organisations (agencies that refer children): add, list, rename, retire");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Rename());
        command.Subcommands.Add(Retire(retire: true));
        command.Subcommands.Add(Retire(retire: false));
        return command;
    }

    private static Command Add()
    {
        var name = new Option<string>("--name") { Description = "The organisation's name, e.g. 'Riverside Primary School'", Required = true };
        var kind = new Option<string>("--kind") { Description = $"One of: {WorkforceKinds.Choices<OrganisationKind>()}", Required = true };
        var code = new Option<string?>("--cin-code") { Description = "Its CIN census referral source code (1A..10); default: the one for its kind" };
        var reason = new Option<string?>("--reason") { Description = "Why it is added (kept on the event)" };
        var command = new Command("add", "Add a partner organisation") { name, kind, code, reason };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var run = WorkforceRun.Start(parse);
            var result = await run.Get<OrganisationAdministration>()
                .AddAsync(new OrganisationInput(parse.GetValue(name), parse.GetValue(kind), parse.GetValue(code)), parse.GetValue(reason), ct);
            if (!result.Succeeded) return run.Refused(result);
            var added = (await run.Get<OrganisationAdministration>().FindAsync(result.Id!.Value, ct))!;
            run.Output.WriteLine($"Added {added.Name} ({WorkforceKinds.DisplayName(added.Kind)}, CIN referral source {SourceText(added)}).");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var all = new Option<bool>("--all") { Description = "Also list retired organisations" };
        var command = new Command("list", "List organisations: name, kind, CIN referral source, accounts, status") { all };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var run = WorkforceRun.Start(parse);
            var organisations = await run.Get<OrganisationAdministration>().ListAsync(parse.GetValue(all), ct);
            if (organisations.Count == 0)
            {
                run.Output.WriteLine("There are no organisations. Add one with `safeguard organisation add --name NAME --kind KIND`.");
                return 0;
            }
            run.Table(["NAME", "KIND", "CIN REFERRAL SOURCE", "ACCOUNTS", "STATUS"], organisations.Select(o => new[]
            {
                o.Name, WorkforceKinds.DisplayName(o.Kind), SourceText(o), o.Accounts.ToString(), WorkforceRun.Status(o.RetiredAt),
            }));
            return 0;
        });
        return command;
    }

    private static Command Rename()
    {
        var name = new Option<string>("--name") { Description = "The organisation's current name", Required = true };
        var to = new Option<string>("--to") { Description = "Its new name", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (kept on the event)", Required = true };
        var command = new Command("rename", "Rename an organisation") { name, to, reason };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var run = WorkforceRun.Start(parse);
            var admin = run.Get<OrganisationAdministration>();
            if (await admin.FindByNameAsync(parse.GetValue(name)!, ct) is not { } current) return run.NotFound("organisation", parse.GetValue(name)!);
            var result = await admin.ChangeAsync(current.Id, current.Version,
                new OrganisationInput(parse.GetValue(to), current.Kind.ToString(), current.OwnCinReferralSourceCode), parse.GetValue(reason), ct);
            if (!result.Succeeded) return run.Refused(result, nameOption: "--to");
            run.Output.WriteLine($"Renamed {current.Name} to {parse.GetValue(to)!.Trim()}.");
            return 0;
        });
        return command;
    }

    private static Command Retire(bool retire)
    {
        var name = new Option<string>("--name") { Description = "The organisation's name", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (kept on the event)", Required = true };
        var command = retire
            ? new Command("retire", "Retire an organisation: its API keys and accounts can no longer refer") { name, reason }
            : new Command("reinstate", "Undo retiring an organisation: it can refer again") { name, reason };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var run = WorkforceRun.Start(parse);
            var admin = run.Get<OrganisationAdministration>();
            var wanted = parse.GetValue(name)!.Trim();
            var current = (await admin.ListAsync(includeRetired: true, ct))
                .Where(o => string.Equals(o.Name, wanted, StringComparison.OrdinalIgnoreCase))
                .OrderBy(o => o.IsRetired == retire).FirstOrDefault();
            if (current is null) return run.NotFound("organisation", wanted);
            var result = retire
                ? await admin.RetireAsync(current.Id, current.Version, parse.GetValue(reason), ct)
                : await admin.ReinstateAsync(current.Id, current.Version, parse.GetValue(reason), ct);
            if (!result.Succeeded) return run.Refused(result);
            run.Output.WriteLine(retire
                ? $"Retired {current.Name}: its API keys and accounts can no longer refer."
                : $"Reinstated {current.Name}: it can refer again.");
            return 0;
        });
        return command;
    }

    private static string SourceText(OrganisationLine o) =>
        CinReferralSourceRule.For(o.Kind, o.OwnCinReferralSourceCode) + (o.OwnCinReferralSourceCode is null ? " (default for its kind)" : "");
}
