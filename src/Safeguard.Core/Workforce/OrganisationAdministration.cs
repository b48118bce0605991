using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Workforce;

/// <summary>An organisation as the administration pages and the `safeguard organisation` command show it.</summary>
public sealed record OrganisationLine(Guid Id, string Name, OrganisationKind Kind, string? OwnCinReferralSourceCode,
    DateTimeOffset? RetiredAt, int Version, int Accounts)
{
    public bool IsRetired => RetiredAt is not null;
}

/// <summary>What an administrator typed: the same checks whether it came from a page or the command line.</summary>
public sealed record OrganisationInput(string? Name, string? Kind, string? CinReferralSourceCode);

/// <summary>
/// Adds, renames, retires and reinstates partner organisations. Names are unique among organisations that are not
/// retired (ignoring case); a retired organisation can no longer refer (its API keys and accounts are refused) and is
/// not offered in lists. Every change is an event with who and why, in the same save.
/// </summary>
public sealed class OrganisationAdministration(SafeguardDbContext db)
{
    private const string What = "organisation";

    public async Task<IReadOnlyList<OrganisationLine>> ListAsync(bool includeRetired = true, CancellationToken ct = default) =>
        await Lines(db.Organisations.Where(o => includeRetired || o.RetiredAt == null).OrderBy(o => o.RetiredAt != null).ThenBy(o => o.Name))
            .ToListAsync(ct);

    public Task<OrganisationLine?> FindAsync(Guid id, CancellationToken ct = default) =>
        Lines(db.Organisations.Where(o => o.Id == id)).SingleOrDefaultAsync(ct);

    /// <summary>By name, ignoring case; an active organisation before a retired one of the same name.</summary>
    public Task<OrganisationLine?> FindByNameAsync(string name, CancellationToken ct = default)
    {
        var key = name.Trim().ToUpperInvariant();
        return Lines(db.Organisations.Where(o => o.Name.ToUpper() == key).OrderBy(o => o.RetiredAt != null)).FirstOrDefaultAsync(ct);
    }

    private IQueryable<OrganisationLine> Lines(IQueryable<Organisation> organisations) =>
        organisations.AsNoTracking()
            .Select(o => new OrganisationLine(o.Id, o.Name, o.Kind, o.CinReferralSourceCode, o.RetiredAt, o.Version,
                db.Users.Count(u => u.OrganisationId == o.Id)));

    public async Task<WorkforceChangeResult> AddAsync(OrganisationInput input, string? reason = null, CancellationToken ct = default)
    {
        var (checkedInput, errors) = await CheckAsync(input, except: null, checkUnique: true, ct);
        WorkforceRules.CheckReason(reason, required: false, errors);
        if (errors.Count > 0) return new(false, errors);

        var organisation = new Organisation(checkedInput.Name, checkedInput.Kind, checkedInput.Code);
        db.Organisations.Add(organisation);
        db.Record(new OrganisationAdded(organisation.Id, organisation.Name, organisation.Kind, organisation.CinReferralSourceCode),
            subjectType: nameof(Organisation), subjectId: organisation.Id, reason: WorkforceRules.Tidy(reason));
        return await SaveAsync(organisation.Id, ct);
    }

    /// <summary>Renames it, or changes its kind or CIN referral source code. <paramref name="version"/>: the one the user saw.</summary>
    public async Task<WorkforceChangeResult> ChangeAsync(Guid id, int version, OrganisationInput input, string? reason, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return WorkforceChangeResult.Missing(What);
        var (checkedInput, errors) = await CheckAsync(input, except: id, checkUnique: !organisation.IsRetired, ct);
        WorkforceRules.CheckReason(reason, required: true, errors);
        if (errors.Count > 0) return new(false, errors, id);
        if (organisation.Version != version) return WorkforceChangeResult.Conflict(id);

        if (organisation.Name == checkedInput.Name && organisation.Kind == checkedInput.Kind && organisation.CinReferralSourceCode == checkedInput.Code)
            return WorkforceChangeResult.Ok(id);

        db.Record(new OrganisationChanged(id, organisation.Name, checkedInput.Name, organisation.Kind, checkedInput.Kind,
                organisation.CinReferralSourceCode, checkedInput.Code),
            subjectType: nameof(Organisation), subjectId: id, reason: reason!.Trim());
        organisation.Change(checkedInput.Name, checkedInput.Kind, checkedInput.Code);
        return await SaveAsync(id, ct);
    }

    /// <summary>Stops it referring: its API keys and its people's accounts are refused from now on.</summary>
    public async Task<WorkforceChangeResult> RetireAsync(Guid id, int version, string? reason, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return WorkforceChangeResult.Missing(What);
        var errors = new List<(string, string)>();
        WorkforceRules.CheckReason(reason, required: true, errors);
        if (errors.Count > 0) return new(false, errors, id);
        if (organisation.Version != version) return WorkforceChangeResult.Conflict(id);
        if (organisation.IsRetired) return WorkforceChangeResult.Fail("", $"{organisation.Name} is already retired");

        organisation.Retire(db.Time.GetUtcNow());
        // Signed-in referrers of the organisation lose the right to refer at the next check of their session (a minute).
        foreach (var user in await db.Users.Where(u => u.OrganisationId == id).ToListAsync(ct))
        {
            user.SecurityStamp = Guid.NewGuid().ToString();
        }
        db.Record(new OrganisationRetired(id, organisation.Name),
            subjectType: nameof(Organisation), subjectId: id, reason: reason!.Trim());
        return await SaveAsync(id, ct);
    }

    public async Task<WorkforceChangeResult> ReinstateAsync(Guid id, int version, string? reason, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return WorkforceChangeResult.Missing(What);
        var errors = new List<(string, string)>();
        WorkforceRules.CheckReason(reason, required: true, errors);
        if (errors.Count > 0) return new(false, errors, id);
        if (organisation.Version != version) return WorkforceChangeResult.Conflict(id);
        if (!organisation.IsRetired) return WorkforceChangeResult.Fail("", $"{organisation.Name} is not retired");
        if (await NameTakenAsync(organisation.Name, id, ct))
            return WorkforceChangeResult.Fail("", $"Another organisation is called {organisation.Name}: rename one of them first");

        organisation.Reinstate();
        db.Record(new OrganisationReinstated(id, organisation.Name),
            subjectType: nameof(Organisation), subjectId: id, reason: reason!.Trim());
        return await SaveAsync(id, ct);
    }

    private sealed record CheckedInput(string Name, OrganisationKind Kind, string? Code);

    /// <param name="checkUnique">false for a retired organisation: its name is checked when it is reinstated.</param>
    private async Task<(CheckedInput Input, List<(string, string)> Errors)> CheckAsync(OrganisationInput input, Guid? except,
        bool checkUnique, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        WorkforceRules.CheckName(input.Name, What, errors);
        if (!WorkforceKinds.TryParse<OrganisationKind>(input.Kind, out var kind))
            errors.Add(("Kind", string.IsNullOrWhiteSpace(input.Kind)
                ? "Select the kind of organisation"
                : $"Select the kind of organisation from the list ({WorkforceKinds.Choices<OrganisationKind>()})"));
        string? code = null;
        if (!string.IsNullOrWhiteSpace(input.CinReferralSourceCode))
        {
            code = CinReferralSources.Normalise(input.CinReferralSourceCode);
            if (code is null) errors.Add(("CinReferralSourceCode", "Enter a CIN census referral source code from the list (1A to 10)"));
        }
        var name = input.Name?.Trim() ?? "";
        if (errors.Count == 0 && checkUnique && await NameTakenAsync(name, except, ct))
            errors.Add(("Name", $"There is already an organisation called {name}"));
        return (new CheckedInput(name, kind, code), errors);
    }

    private Task<bool> NameTakenAsync(string name, Guid? except, CancellationToken ct)
    {
        var key = name.ToUpperInvariant();
        return db.Organisations.AnyAsync(o => o.RetiredAt == null && o.Id != except && o.Name.ToUpper() == key, ct);
    }

    private async Task<WorkforceChangeResult> SaveAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return WorkforceChangeResult.Ok(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkforceChangeResult.Conflict(id);
        }
        catch (DbUpdateException ex) when (WorkforceRules.IsDuplicateName(ex))
        {
            return WorkforceChangeResult.Fail("Name", "There is already an organisation with this name");
        }
    }
}
