using System.Security.Cryptography;
using System.Text;

namespace Safeguard.Core.Allocation;

/// <summary>
/// The subject of an alert about a worker rather than a record of its own (a registration lapsing on a date, a leaver's
/// cases left on a team's tray): the same parts always make the same id, so the alerts' unique (kind, subject) index
/// lets it be raised once, and a new lapse (another date) is a new subject.
/// </summary>
internal static class AlertSubjects
{
    public static Guid For(string what, Guid who, params object[] parts)
    {
        var text = string.Join("|", new object[] { what, who }.Concat(parts).Select(p => p is DateOnly d ? d.ToString("yyyy-MM-dd") : p.ToString()));
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
