using Safeguard.Core.Audit;

namespace Safeguard.Core.Returns;

/// <summary>Someone downloaded a census return: every child in it left the system in that file.</summary>
public sealed record CensusDownloaded(int YearEndingIn) : IEvent
{
    public static string Name => "returns.census-downloaded";

    public string Describe() => $"CIN census {YearEndingIn - 1}-{YearEndingIn % 100:00} downloaded";
}
