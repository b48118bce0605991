using System.Text;
using Safeguard.Core.Attachments;

namespace Safeguard.Core.Tests.Attaching;

/// <summary>What may be attached: checked by the name's extension and by the first bytes, so a renamed program or a mislabelled file is refused.</summary>
public sealed class AttachmentTypesTests
{
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0];

    public static TheoryData<string, byte[]> Good() => new()
    {
        { "discharge letter.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj") },
        { "bruise.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] },
        { "bruise.JPG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10] },
        { "photo.jpeg", [0xFF, 0xD8, 0xFF, 0xE1, 0, 0x10] },
        { "drawing.gif", Encoding.ASCII.GetBytes("GIF89a\u0001\u0000") },
        { "report.docx", Zip }, { "figures.xlsx", Zip }, { "slides.pptx", Zip },
        { "old report.doc", Ole }, { "old figures.xls", Ole }, { "old slides.ppt", Ole }, { "from school.msg", Ole },
        { "from school.eml", Encoding.ASCII.GetBytes("Received: from mail.example\r\nFrom: head@school.example\r\nSubject: Maya\r\n\r\nHello") },
        { "notes.txt", Encoding.UTF8.GetBytes("Phone call with the school nurse: \u2018all fine\u2019.") },
    };

    [Theory]
    [MemberData(nameof(Good))]
    public void AFileWhoseContentsMatchItsName_IsAccepted(string name, byte[] content) => AttachmentTypes.Check(name, content).ShouldBeNull();

    public static TheoryData<string, byte[], string> Bad() => new()
    {
        { "letter.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0], AttachmentTypes.WrongType },
        { "setup.exe", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0], AttachmentTypes.WrongType },
        { "notes.txt", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1], AttachmentTypes.WrongType },
        { "notes.txt", Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /"), AttachmentTypes.WrongType },
        { "script.js", Encoding.ASCII.GetBytes("alert(1)"), AttachmentTypes.WrongType },
        { "archive.zip", [0x50, 0x4B, 0x03, 0x04], AttachmentTypes.WrongType },
        { "no extension", Encoding.ASCII.GetBytes("%PDF-1.7"), AttachmentTypes.WrongType },
        { "photo.png", Encoding.ASCII.GetBytes("%PDF-1.7"), "The selected file is named as a PNG image but its contents are not a PNG image" },
        { "report.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "The selected file is named as a PDF but its contents are not a PDF" },
        { "report.docx", Ole, "The selected file is named as a Word document but its contents are not a Word document" },
        { "old figures.xls", Zip, "The selected file is named as an Excel spreadsheet but its contents are not an Excel spreadsheet" },
        { "mail.eml", Encoding.ASCII.GetBytes("Just some words"), "The selected file is named as an e-mail but its contents are not an e-mail" },
        { "notes.txt", [0x41, 0x00, 0x42], "The selected file is named as a text file but its contents are not a text file" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void AProgram_AnUnknownType_OrContentsThatDoNotMatchTheName_AreRefusedSayingWhy(string name, byte[] content, string message) =>
        AttachmentTypes.Check(name, content).ShouldBe(message);

    [Fact]
    public void ACouncilCanNarrowTheTypes_AndTheOthersAreRefused()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7");
        AttachmentTypes.Check("letter.pdf", pdf, ["pdf", ".docx"]).ShouldBeNull();
        AttachmentTypes.Check("photo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, ["pdf", ".docx"]).ShouldBe(AttachmentTypes.WrongType);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\grace\\Desktop\\report.pdf", "report.pdf")]
    [InlineData("  ..hidden..  ", "hidden")]
    [InlineData("a\u0000b\u001f<c>|d?.pdf", "abcd.pdf")]
    [InlineData("tab\tand  spaces.pdf", "tab and spaces.pdf")]
    [InlineData("/", "")]
    public void AFileName_IsItsLastPart_WithoutCharactersThatAreNotAllowed(string sent, string kept) => AttachmentFileNames.Clean(sent).ShouldBe(kept);

    [Fact]
    public void ALongFileName_IsCutTo255Characters_KeepingItsExtension()
    {
        var kept = AttachmentFileNames.Clean(new string('a', 400) + ".pdf");
        kept.Length.ShouldBe(255);
        kept.ShouldEndWith("a.pdf");
    }

    [Theory]
    [InlineData(20 * 1024 * 1024, "20 MB")]
    [InlineData(1536 * 1024, "1.5 MB")]
    [InlineData(2048, "2 KB")]
    [InlineData(1000, "1000 bytes")]
    public void Sizes_AreInWords(long bytes, string words) => AttachmentTypes.SizeWords(bytes).ShouldBe(words);
}
