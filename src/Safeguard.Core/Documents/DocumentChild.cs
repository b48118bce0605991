using System.Globalization;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Documents;

/// <summary>The child a document is about, as its title page and the foot of every page name them.</summary>
public sealed record DocumentChild(Guid Id, string Name, DateOnly? DateOfBirth, string? NhsNumber, bool Restricted)
{
    public string Born => DateOfBirth is { } born ? born.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "Not known";

    public string Nhs => People.Identifiers.NhsNumber.Display(NhsNumber);
}

/// <summary>Who produced a document, for which council, and when.</summary>
public sealed record DocumentOrigin(string Council, string ProducedBy, DateTimeOffset ProducedAt)
{
    public string When => TimeZoneInfo.ConvertTime(ProducedAt, WorkingDayCalendar.UkTime).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>The Government Security Classification marking every page carries, and a restricted record's extra one.</summary>
public static class DocumentMarking
{
    public const string Official = "OFFICIAL - SENSITIVE";

    public const string Restricted = "RESTRICTED RECORD";

    public static string For(bool restricted) => restricted ? $"{Official} - {Restricted}" : Official;
}

/// <summary>A document ready to download: its bytes and the file name to offer.</summary>
public sealed record ChildDocument(byte[] Content, string FileName)
{
    public const string ContentType = "application/pdf";
}
