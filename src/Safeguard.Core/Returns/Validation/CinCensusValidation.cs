namespace Safeguard.Core.Returns.Validation;

/// <summary>Checks the census, child by child as it is built, against <see cref="CensusRules"/>.</summary>
public sealed class CinCensusValidation(CinCensusExport export)
{
    public async Task<IReadOnlyList<CensusFailure>> CheckAsync(CensusYear year, CancellationToken ct = default)
    {
        var failures = new List<CensusFailure>();
        await foreach (var child in export.ChildrenAsync(year, ct))
        {
            failures.AddRange(Check(year, child));
        }
        return failures;
    }

    public static IEnumerable<CensusFailure> Check(CensusYear year, CensusChild child) =>
        CensusRules.All.Where(rule => rule.Fails(year, child))
            .Select(rule => new CensusFailure(child.LaChildId, rule.Code, rule.Severity, rule.Message) { PersonId = child.PersonId });
}
