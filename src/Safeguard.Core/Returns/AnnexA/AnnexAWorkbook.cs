using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguard.Core.Returns.AnnexA;

/// <summary>
/// Puts finished sheets into an .xlsx workbook, in order, streamed: the zip is written front to back, each sheet
/// compressed into it as it is copied, so none is held in memory. (The SDK's package needs to read back what it writes,
/// which holds every part in memory until the end; a workbook of a few fixed parts needs no more than the zip.) The
/// workbook and styles are the SDK's own elements; the package's content types and relationships are written here.
/// </summary>
internal static class AnnexAWorkbook
{
    public const uint DateStyle = 1;
    public const uint BoldStyle = 2;

    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static void Write(Stream output, IReadOnlyList<AnnexASheet> sheets)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Xml(zip, "[Content_Types].xml", xml =>
        {
            xml.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, "xml", "application/xml");
            Override(xml, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(xml, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 1; i <= sheets.Count; i++)
                Override(xml, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            xml.WriteEndElement();
        });
        Xml(zip, "_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", Relationships);
            Relationship(xml, "rId1", OfficeDocument + "/officeDocument", "xl/workbook.xml");
            xml.WriteEndElement();
        });
        Xml(zip, "xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", Relationships);
            for (var i = 1; i <= sheets.Count; i++) Relationship(xml, $"rId{i}", OfficeDocument + "/worksheet", $"worksheets/sheet{i}.xml");
            Relationship(xml, $"rId{sheets.Count + 1}", OfficeDocument + "/styles", "styles.xml");
            xml.WriteEndElement();
        });
        var workbook = new Workbook(new Sheets(sheets.Select((s, i) => new Sheet { Name = s.List.SheetName, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" })));
        using (var part = zip.CreateEntry("xl/workbook.xml").Open()) workbook.Save(part);
        using (var part = zip.CreateEntry("xl/styles.xml").Open()) Styles().Save(part);
        for (var i = 0; i < sheets.Count; i++)
        {
            using var part = zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml").Open();
            using var xml = sheets[i].Finish();
            xml.CopyTo(part);
        }
    }

    private static void Xml(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var part = zip.CreateEntry(name).Open();
        using var xml = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Default(XmlWriter xml, string extension, string type)
    {
        xml.WriteStartElement("Default", "http://schemas.openxmlformats.org/package/2006/content-types");
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", type);
        xml.WriteEndElement();
    }

    private static void Override(XmlWriter xml, string part, string type)
    {
        xml.WriteStartElement("Override", "http://schemas.openxmlformats.org/package/2006/content-types");
        xml.WriteAttributeString("PartName", part);
        xml.WriteAttributeString("ContentType", type);
        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", Relationships);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });
}
