using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.People.Identifiers;
using Safeguard.Core.Returns.Validation;

namespace Safeguard.Core.Records;

/// <summary>What the census details page shows and edits of a child: the items DfE's census asks for that only a worker can give.</summary>
public sealed record CensusDetailsView(Guid PersonId, string ChildName, DateOnly? DateOfBirth, string? Upn, string? FormerUpn, string? UpnUnknownReason,
    string? Ethnicity, IReadOnlyList<string> Disabilities, DateOnly? DateOfDeath, IReadOnlyList<CensusReferralLine> Referrals, int Version);

/// <summary>One of the child's referrals, with its primary need.</summary>
public sealed record CensusReferralLine(Guid Id, DateOnly ReferralDate, string? PrimaryNeedCode);

/// <summary>The census details as the form sends them: anything may be missing or wrong.</summary>
public sealed record CensusDetailsInput(string? Upn, string? FormerUpn, string? UpnUnknownReason, string? Ethnicity, IReadOnlyList<string> Disabilities,
    DateOnly? DateOfDeath, IReadOnlyDictionary<Guid, string?> PrimaryNeeds);

/// <summary>
/// A child's census details (docs/returns.md): the UPN (or why there is none), a former UPN, ethnicity, disabilities, a
/// date of death and each referral's primary need, checked against DfE's code sets and the UPN's check letter, saved in one
/// transaction with the automatic record of what changed. Made from the version the worker saw: a record changed meanwhile
/// is not overwritten.
/// </summary>
public sealed class CensusDetails(SafeguardDbContext db)
{
    public async Task<CensusDetailsView?> FindAsync(Guid personId, CancellationToken ct = default)
    {
        var p = await db.People.AsNoTracking().Where(x => x.Id == personId && x.MergedIntoPersonId == null)
            .Select(x => new
            {
                x.GivenName, x.FamilyName, x.DateOfBirth, x.Upn, x.FormerUpn, x.UpnUnknownReason, x.Ethnicity, x.Disabilities, x.DateOfDeath, x.Version,
            })
            .SingleOrDefaultAsync(ct);
        if (p is null) return null;
        var referrals = (await db.Referrals.AsNoTracking().Where(r => r.PersonId == personId)
                .Select(r => new { r.Id, r.ReferralDate, r.PrimaryNeedCode }).ToListAsync(ct))
            .OrderByDescending(r => r.ReferralDate).Select(r => new CensusReferralLine(r.Id, r.ReferralDate, r.PrimaryNeedCode)).ToList();
        return new CensusDetailsView(personId, $"{p.GivenName} {p.FamilyName}".Trim(), p.DateOfBirth, p.Upn, p.FormerUpn, p.UpnUnknownReason, p.Ethnicity,
            Split(p.Disabilities), p.DateOfDeath, referrals, p.Version);
    }

    /// <summary>Every problem at once, by field; nothing is saved when there is one.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(CensusDetailsInput input, DateOnly? dateOfBirth, DateOnly today)
    {
        var errors = new List<(string, string)>();
        var upn = Clean(input.Upn);
        if (upn is not null && !Upn.TryParse(upn, out _))
        {
            errors.Add((nameof(input.Upn), "Enter a UPN of 13 characters with the right check letter, like A123456789012"));
        }
        if (Clean(input.FormerUpn) is { } former && !Upn.TryParse(former, out _))
        {
            errors.Add((nameof(input.FormerUpn), "Enter a former UPN of 13 characters, like A123456789012"));
        }
        if (Clean(input.UpnUnknownReason) is { } reason)
        {
            if (!UpnUnknownReasons.ContainsKey(reason)) errors.Add((nameof(input.UpnUnknownReason), "Select why the UPN is not known"));
            else if (upn is not null) errors.Add((nameof(input.UpnUnknownReason), "Leave the reason blank when the UPN is known"));
        }
        if (Clean(input.Ethnicity) is { } ethnicity && !CensusCodes.Ethnicities.Contains(ethnicity))
        {
            errors.Add((nameof(input.Ethnicity), "Select the child's ethnicity"));
        }
        var disabilities = Chosen(input.Disabilities);
        if (disabilities.Any(d => !CensusCodes.Disabilities.Contains(d))) errors.Add((nameof(input.Disabilities), "Select disabilities from the list"));
        else if (disabilities.Contains("NONE") && disabilities.Count > 1)
        {
            errors.Add((nameof(input.Disabilities), "Select 'None' on its own, or the disabilities the child has"));
        }
        if (input.DateOfDeath is { } died)
        {
            if (died > today) errors.Add((nameof(input.DateOfDeath), "The date of death must be today or in the past"));
            else if (died < dateOfBirth) errors.Add((nameof(input.DateOfDeath), "The date of death must be on or after the date of birth"));
        }
        foreach (var (id, need) in input.PrimaryNeeds)
        {
            if (Clean(need) is { } code && !CensusCodes.PrimaryNeeds.Contains(code)) errors.Add(($"PrimaryNeeds[{id}]", "Select the primary need"));
        }
        return errors;
    }

    public async Task<(EditOutcome? Outcome, IReadOnlyList<(string Field, string Message)> Errors)> SaveAsync(Guid personId, int expectedVersion,
        CensusDetailsInput input, CancellationToken ct = default)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId && p.MergedIntoPersonId == null, ct);
        if (person is null) return (null, []);
        var errors = Check(input, person.DateOfBirth, Timescales.TimeLimits.UkDay(db.Time.GetUtcNow()));
        if (errors.Count > 0) return (null, errors);
        if (person.Version != expectedVersion) return (EditOutcome.ChangedElsewhere, []);

        person.Upn = Clean(input.Upn)?.ToUpperInvariant();
        person.FormerUpn = Clean(input.FormerUpn)?.ToUpperInvariant();
        person.UpnUnknownReason = person.Upn is null ? Clean(input.UpnUnknownReason) : null;
        person.Ethnicity = Clean(input.Ethnicity);
        var disabilities = Chosen(input.Disabilities);
        person.Disabilities = disabilities.Count == 0 ? null : string.Join(',', disabilities);
        person.DateOfDeath = input.DateOfDeath;
        db.Claim(person);
        var ids = input.PrimaryNeeds.Keys.ToList();
        foreach (var referral in await db.Referrals.Where(r => r.PersonId == personId && ids.Contains(r.Id)).ToListAsync(ct))
        {
            referral.PrimaryNeedCode = Clean(input.PrimaryNeeds[referral.Id]);
        }
        db.ChangeReason = "Census details updated";
        return (await db.SaveUnlessChangedElsewhereAsync(ct) ? EditOutcome.Saved : EditOutcome.ChangedElsewhere, []);
    }

    /// <summary>
    /// DfE's reasons a child has no UPN, in DfE's words: the Common Basic Data Set code set CS051 "UPN unknown", which the CIN
    /// census item UPNunknown (N00135) uses. UN8 to UN10 name the SEN2 return (a UPN or a ULN); DfE's census rule 8770Q
    /// accepts only UN2 to UN7 for a child of school age, so for such a child they are reported as a query.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UpnUnknownReasons = new Dictionary<string, string>
    {
        ["UN1"] = "UN1: Child is aged under 6 years old and is not yet assigned a UPN",
        ["UN2"] = "UN2: Child has never attended a maintained school in England and has not been assigned a UPN",
        ["UN3"] = "UN3: Child is educated outside England and has not been assigned a UPN",
        ["UN4"] = "UN4: Child is newly in need (one week before end of collection period) and the UPN was not yet known at the time of the CIN census annual statistical return",
        ["UN5"] = "UN5: Sources collating UPNs reflect discrepancy/ies for the child's name and/or surname and/or date of birth therefore preventing reliable matching (e.g. duplicated UPN)",
        ["UN6"] = "UN6: Child is not looked after, and the authority is unable to obtain the UPN",
        ["UN7"] = "UN7: Child referred but no further action taken",
        ["UN8"] = "UN8: Person is new to LA (one week before the end of the collection period) and the UPN or ULN is not yet known at the time of the SEN2 return",
        ["UN9"] = "UN9: Young person has never attended a maintained school or further education setting in England and has not been assigned a UPN or ULN",
        ["UN10"] = "UN10: Request for assessment resulted in no further action before UPN or ULN known",
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IReadOnlyList<string> Split(string? codes) =>
        codes is null ? [] : codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The disability codes ticked; a form posting an empty value binds it as null.</summary>
    private static List<string> Chosen(IEnumerable<string?> disabilities) =>
        disabilities.Select(d => d?.Trim() ?? "").Where(d => d.Length > 0).Distinct().ToList();
}
