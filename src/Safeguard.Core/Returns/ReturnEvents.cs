using Safeguard.Core.Audit;

namespace Safeguard.Core.Returns;

/// <summary>Someone downloaded a census return: every child in it left the system in that file.</summary>
public sealed record CensusDownloaded(int YearEndingIn) : IEvent
{
    public static string Name => "returns.census-downloaded";

    public string Describe() => $"CIN census {YearEndingIn - 1}-{YearEndingIn % 100:00} downloaded";
}

/// <summary>Ofsted's Annex A lists were written for a period: every child in them left the system in that file.</summary>
public sealed record AnnexAExported(DateOnly From, DateOnly To, int Rows) : IEvent
{
    public static string Name => "returns.annex-a-exported";

    public string Describe() => $"Ofsted Annex A lists for {From:d MMMM yyyy} to {To:d MMMM yyyy} exported ({Rows} rows)";
}

/// <summary>Someone downloaded an Annex A workbook made for them: every child in it left the system in that file.</summary>
public sealed record AnnexADownloaded(DateOnly From, DateOnly To, int Rows) : IEvent
{
    public static string Name => "returns.annex-a-downloaded";

    public string Describe() => $"Ofsted Annex A lists for {From:d MMMM yyyy} to {To:d MMMM yyyy} downloaded ({Rows} rows)";
}
