using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Safeguard.Core.Documents;

/// <summary>
/// The one typeface our PDFs use, DejaVu Sans (regular and bold), shipped inside Core (Fonts/, with its licence) so a
/// document looks the same on every server: PDFsharp on Linux finds no system fonts by itself. Every family name asked
/// for resolves to it.
/// </summary>
internal sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lazy<DocumentFonts> Registered = new(() =>
    {
        var fonts = new DocumentFonts();
        GlobalFontSettings.FontResolver = fonts;
        return fonts;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<string, byte[]> _faces = new();

    /// <summary>Sets PDFsharp's font resolver, once per process, before the first document uses a font.</summary>
    public static void Use() => _ = Registered.Value;

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, static face =>
    {
        var name = $"{typeof(DocumentFonts).Namespace}.Fonts.{face}.ttf";
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in Safeguard.Core.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
