using System.Diagnostics;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Returns;

/// <summary>What an export wrote.</summary>
public sealed record CinCensusSummary(CensusYear Year, int Children, int Episodes, TimeSpan Elapsed);

/// <summary>
/// Writes the Children in Need census for a year: every child with a CIN episode (a referral) open at any point in it,
/// read a page of children at a time (<see cref="CensusChildren"/>) and written as it is read, so a large council's
/// return never sits in memory whole.
/// </summary>
public sealed class CinCensusExport(SafeguardDbContext db, IOptions<CinCensusSettings> settings, TimeProvider time)
{
    public const int DefaultPageSize = 2000;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <param name="progress">Told the number of children written so far after each page.</param>
    /// <param name="eachChild">Shown each child as it is written (to check it against DfE's rules in the same pass).</param>
    public async Task<CinCensusSummary> WriteAsync(CensusYear year, Stream output, IProgress<int>? progress = null, CancellationToken ct = default,
        Action<CensusChild>? eachChild = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var xmlSettings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false };
        var children = 0;
        var episodes = 0;
        using (var xml = XmlWriter.Create(output, xmlSettings))
        {
            xml.WriteStartDocument();
            var madeAt = TimeZoneInfo.ConvertTime(time.GetUtcNow(), WorkingDayCalendar.UkTime);
            CinCensusXml.WriteHeader(xml, year, settings.Value, madeAt);
            await foreach (var child in ChildrenAsync(year, ct))
            {
                CinCensusXml.WriteChild(xml, child);
                eachChild?.Invoke(child);
                episodes += child.Episodes.Count;
                if (++children % PageSize == 0)
                {
                    xml.Flush();
                    await output.FlushAsync(ct);
                    progress?.Report(children);
                }
            }
            progress?.Report(children);
            CinCensusXml.WriteEnd(xml);
            xml.WriteEndDocument();
        }
        await output.FlushAsync(ct);
        return new CinCensusSummary(year, children, episodes, stopwatch.Elapsed);
    }

    /// <summary>The census's children in the order they are written, read a page at a time.</summary>
    public IAsyncEnumerable<CensusChild> ChildrenAsync(CensusYear year, CancellationToken ct = default) =>
        new CensusChildren(db, PageSize).ReadAsync(year.Period, ct: ct);

    /// <summary>The census as an XML document in memory: for tests and small councils.</summary>
    public async Task<(CinCensusSummary Summary, byte[] Xml)> BuildAsync(CensusYear year, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var summary = await WriteAsync(year, buffer, null, ct);
        return (summary, buffer.ToArray());
    }
}
