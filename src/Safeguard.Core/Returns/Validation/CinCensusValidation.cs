using Microsoft.Extensions.Options;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Returns.Validation;

/// <summary>
/// Checks the census, child by child as it is built, against <see cref="CensusRules"/>. Without a calendar or settings
/// it uses the embedded bank holidays and the default settings (the demo council's).
/// </summary>
public sealed class CinCensusValidation(CinCensusExport export, IWorkingDayCalendar? calendar = null, IOptions<CinCensusSettings>? settings = null)
{
    public CensusContext ContextFor(CensusYear year) =>
        CensusContext.For(year, settings?.Value ?? new CinCensusSettings(), calendar ?? WorkingDayCalendar.Default());

    public async Task<IReadOnlyList<CensusFailure>> CheckAsync(CensusYear year, CancellationToken ct = default)
    {
        var check = new CensusCheck(ContextFor(year));
        await foreach (var child in export.ChildrenAsync(year, ct))
        {
            check.Add(child);
        }
        return check.Finish();
    }
}
