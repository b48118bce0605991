using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Cli.Commands;

/// <summary>
/// `safeguard partner-key create|list|revoke`: API keys for partner organisations (see docs/partner-api.md).
/// `create` prints the new key as its last line (the only time it is shown); exit 2 when the input is wrong.
/// </summary>
internal static class PartnerKeyCommands
{
    private const int BadInput = 2;

    public static Command Create()
    {
        var command = new Command("partner-key", "API keys for partner organisations using the partner API (/api/v1)");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(ListKeys());
        command.Subcommands.Add(RevokeKey());
        return command;
    }

    private static Command CreateKey()
    {
        var organisation = new Option<string>("--organisation") { Description = "The partner organisation's exact name", Required = true };
        var name = new Option<string?>("--name") { Description = "A label for the key, e.g. 'Police MASH referrals system'" };
        var command = new Command("create", "Make a new API key for an organisation and print it (shown once; only its hash is kept)");
        command.Options.Add(organisation);
        command.Options.Add(name);
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            try
            {
                var key = await scope.ServiceProvider.GetRequiredService<PartnerKeys>()
                    .CreateAsync(parse.GetValue(organisation)!.Trim(), parse.GetValue(name), ct);
                output.WriteLine($"Created API key {key.Prefix} ('{key.Name}') for {key.OrganisationName}.");
                output.WriteLine("Give the key below to the organisation securely. It is not stored and cannot be shown again.");
                output.WriteLine(key.Key);
                return 0;
            }
            catch (Exception ex) when (ex is UnknownOrganisationException or RetiredOrganisationException)
            {
                parse.InvocationConfiguration.Error.WriteLine(ex.Message);
                return BadInput;
            }
        });
        return command;
    }

    private static Command ListKeys()
    {
        var command = new Command("list", "List API keys: prefix, organisation, label, created, revoked");
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            var keys = await scope.ServiceProvider.GetRequiredService<PartnerKeys>().ListAsync(ct);
            if (keys.Count == 0)
            {
                output.WriteLine("There are no API keys.");
                return 0;
            }
            output.WriteLine("PREFIX    ORGANISATION / LABEL / CREATED / REVOKED");
            foreach (var key in keys)
            {
                output.WriteLine($"{key.Prefix}  {key.OrganisationName} / {key.Name} / {Format(key.CreatedAt)} / "
                    + (key.RevokedAt is { } revoked ? Format(revoked) : "active"));
            }
            return 0;
        });
        return command;
    }

    private static Command RevokeKey()
    {
        var prefix = new Option<string>("--prefix") { Description = "The key's 8-character prefix (sgk_PREFIX_...)", Required = true };
        var command = new Command("revoke", "Revoke an API key at once: requests with it get 401");
        command.Options.Add(prefix);
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            var value = parse.GetValue(prefix)!.Trim();
            if (await scope.ServiceProvider.GetRequiredService<PartnerKeys>().RevokeAsync(value, ct))
            {
                parse.InvocationConfiguration.Output.WriteLine($"Revoked API key {value}.");
                return 0;
            }
            parse.InvocationConfiguration.Error.WriteLine($"There is no active API key with prefix '{value}'. See `safeguard partner-key list`.");
            return BadInput;
        });
        return command;
    }

    private static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
