namespace Safeguard.Core.Returns.Validation;

/// <summary>The census header's items that DfE's rules check (100: the reference date; 1530: the council's own LA code).</summary>
public sealed record CensusHeader(int Year, DateOnly ReferenceDate, string LaCode)
{
    /// <summary>The header as <see cref="CinCensusExport"/> writes it for the year.</summary>
    public static CensusHeader For(CensusYear year, CinCensusSettings settings) => new(year.EndingIn, year.ReferenceDate, settings.LaCode);
}
