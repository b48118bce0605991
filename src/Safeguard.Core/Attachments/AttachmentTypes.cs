using System.Text;

namespace Safeguard.Core.Attachments;

/// <summary>One kind of file Safeguard accepts: its extensions, the content type it is sent with, and how its first bytes look.</summary>
public sealed record AttachmentType(string Words, string ContentType, IReadOnlyList<string> Extensions, Func<ReadOnlyMemory<byte>, bool> Looks);

/// <summary>
/// The files a worker may attach, checked twice: by the name's extension, and by the first bytes of the content (a PDF
/// begins <c>%PDF</c>, an Office document is a zip or an OLE compound file, and so on), so a program renamed
/// <c>letter.pdf</c> is refused. The content type sent back on download is the one for the checked type, never what
/// the uploading browser claimed.
/// </summary>
public static class AttachmentTypes
{
    /// <summary>How many leading bytes the checks read.</summary>
    public const int SniffLength = 4096;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static readonly IReadOnlyList<AttachmentType> Known =
    [
        new("PDF", "application/pdf", ["pdf"], b => StartsWith(b, "%PDF-"u8)),
        new("PNG image", "image/png", ["png"], b => StartsWith(b, Png)),
        new("JPEG image", "image/jpeg", ["jpg", "jpeg"], b => StartsWith(b, [0xFF, 0xD8, 0xFF])),
        new("GIF image", "image/gif", ["gif"], b => StartsWith(b, "GIF87a"u8) || StartsWith(b, "GIF89a"u8)),
        new("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ["docx"], b => StartsWith(b, Zip)),
        new("Excel spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ["xlsx"], b => StartsWith(b, Zip)),
        new("PowerPoint presentation", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ["pptx"], b => StartsWith(b, Zip)),
        new("Word document", "application/msword", ["doc"], b => StartsWith(b, Ole)),
        new("Excel spreadsheet", "application/vnd.ms-excel", ["xls"], b => StartsWith(b, Ole)),
        new("PowerPoint presentation", "application/vnd.ms-powerpoint", ["ppt"], b => StartsWith(b, Ole)),
        new("Outlook e-mail", "application/vnd.ms-outlook", ["msg"], b => StartsWith(b, Ole)),
        new("e-mail", "message/rfc822", ["eml"], IsEmail),
        new("text file", "text/plain", ["txt"], IsText),
    ];

    /// <summary>Programs and scripts, whatever they are called: refused even when named as a text file.</summary>
    private static readonly byte[][] Executables =
    [
        "MZ"u8.ToArray(), [0x7F, 0x45, 0x4C, 0x46], [0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCE, 0xFA, 0xED, 0xFE],
        [0xCF, 0xFA, 0xED, 0xFE], [0xCA, 0xFE, 0xBA, 0xBE], "#!"u8.ToArray(),
    ];

    public const string WrongType = "The selected file must be a PDF, image, Office document or e-mail";

    /// <summary>
    /// Why a file cannot be attached, or null when it can: its name must have the extension of a known type (one of
    /// <paramref name="allowed"/>, when the council has narrowed them), its first bytes must be that type's, and never a program's.
    /// </summary>
    public static string? Check(string fileName, ReadOnlyMemory<byte> content, IReadOnlyCollection<string>? allowed = null)
    {
        var type = ByExtension(fileName);
        var head = content[..Math.Min(content.Length, SniffLength)];
        var extension = Extension(fileName);
        var permitted = allowed is not { Count: > 0 } || allowed.Any(a => string.Equals(a.TrimStart('.'), extension, StringComparison.OrdinalIgnoreCase));
        if (type is null || !permitted || IsExecutable(head)) return WrongType;
        return type.Looks(head) ? null : $"The selected file is named as {A(type.Words)} but its contents are not {A(type.Words)}";
    }

    private static string A(string words) => ("aeiouAEIOU".Contains(words[0]) ? "an " : "a ") + words;

    /// <summary>The known type of a file name's extension, or null.</summary>
    public static AttachmentType? ByExtension(string fileName)
    {
        var extension = Extension(fileName);
        return extension.Length == 0 ? null : Known.FirstOrDefault(t => t.Extensions.Contains(extension));
    }

    /// <summary>The extension in lower case, without the dot ("" when there is none).</summary>
    public static string Extension(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        return dot < 0 || dot == fileName.Length - 1 ? "" : fileName[(dot + 1)..].ToLowerInvariant();
    }

    /// <summary>Whether the first bytes are a program's or a script's.</summary>
    public static bool IsExecutable(ReadOnlyMemory<byte> head) => Executables.Any(signature => StartsWith(head, signature));

    /// <summary>"20 MB", "1.5 MB", "500 KB", "10 bytes".</summary>
    public static string SizeWords(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{Round(bytes / (1024.0 * 1024))} MB",
        >= 1024 => $"{Round(bytes / 1024.0)} KB",
        1 => "1 byte",
        _ => $"{bytes} bytes",
    };

    private static string Round(double value) => Math.Round(value, 1).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static bool StartsWith(ReadOnlyMemory<byte> head, ReadOnlySpan<byte> signature) => head.Span.StartsWith(signature);

    /// <summary>Text: no NUL bytes, no program's signature.</summary>
    private static bool IsText(ReadOnlyMemory<byte> head) => !head.Span.Contains((byte)0) && !IsExecutable(head);

    /// <summary>An e-mail as saved by a mail program (RFC 5322): text whose first line is a header ("From: …", "Received: …").</summary>
    private static bool IsEmail(ReadOnlyMemory<byte> head)
    {
        if (!IsText(head)) return false;
        var text = Encoding.Latin1.GetString(head.Span);
        var firstLine = text.Split('\n', 2)[0].TrimEnd('\r');
        var colon = firstLine.IndexOf(':');
        if (colon <= 0 || !firstLine[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) return false;
        // A real message carries at least one of the headers every mail program writes.
        string[] headers = ["From:", "To:", "Subject:", "Date:", "Received:", "Message-ID:", "MIME-Version:", "Return-Path:"];
        return text.Split('\n').Any(line => headers.Any(h => line.StartsWith(h, StringComparison.OrdinalIgnoreCase)));
    }
}
