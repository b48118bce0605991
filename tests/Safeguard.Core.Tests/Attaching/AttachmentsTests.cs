using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Attachments;
using Safeguard.Core.Audit;
using Safeguard.Core.Chronology;
using Safeguard.Core.Security;
using Safeguard.Core.Tests.Seeding;

namespace Safeguard.Core.Tests.Attaching;

/// <summary>Attaching documents on the demo council: limits, both stores, the events written with the row, the audited download, the chronology.</summary>
public sealed class AttachmentsTests(SeededDemoCouncil demo) : IClassFixture<SeededDemoCouncil>
{
    private static readonly Actor Grace = new(Guid.NewGuid(), "Grace Lee");

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private Core.Data.SafeguardDbContext Context() => demo.Database.CreateContext(demo.Time, Grace);

    private static Attachments.Attachments Service(Core.Data.SafeguardDbContext db, AttachmentSettings? settings = null)
    {
        var options = Options.Create(settings ?? new AttachmentSettings());
        return new Attachments.Attachments(db, new AttachmentStores(new DatabaseAttachmentStore(db), [], options), options);
    }

    private async Task<Guid> ChildAsync(string given)
    {
        await using var db = Context();
        return await db.People.Where(p => p.GivenName == given).Select(p => p.Id).FirstAsync();
    }

    private static AttachmentUpload Upload(string name, byte[] content, string? description = null) =>
        new(name, new MemoryStream(content), description);

    private static byte[] PdfOf(long size)
    {
        var bytes = new byte[size];
        Pdf.AsSpan(0, (int)Math.Min(size, Pdf.Length)).CopyTo(bytes);
        return bytes;
    }

    [Fact]
    public async Task AFileOfExactlyTheLimit_IsAccepted_AndOneByteMore_IsRefusedNamingTheLimit()
    {
        var maya = await ChildAsync("Maya");
        var settings = new AttachmentSettings { MaxBytes = 2048 };
        await using var db = Context();

        var exactly = await Service(db, settings).AttachAsync(maya, Upload("exactly.pdf", PdfOf(2048)));
        var over = await Service(db, settings).AttachAsync(maya, Upload("over.pdf", PdfOf(2049)));

        exactly.Outcome.ShouldBe(AttachOutcome.Attached);
        over.Outcome.ShouldBe(AttachOutcome.Invalid);
        over.Errors.ShouldBe([("File", "The file must be smaller than 2 KB")]);
        Service(db).TooLarge.ShouldBe("The file must be smaller than 20 MB");
    }

    [Fact]
    public async Task NoFile_AnEmptyFile_AWrongType_ATooLongDescription_AndAnotherChildsStep_AreRefused_AndNothingIsSaved()
    {
        var maya = await ChildAsync("Maya");
        var ellie = await ChildAsync("Ellie");
        await using var db = Context();
        var elliesAssessment = await db.Assessments.Where(a => a.PersonId == ellie).Select(a => a.Id).FirstOrDefaultAsync();
        var before = await db.Attachments.CountAsync();
        var service = Service(db);

        (await service.AttachAsync(maya, new AttachmentUpload(null, null, "A letter"))).Errors.ShouldBe([("File", Attachments.Attachments.NoFile)]);
        (await service.AttachAsync(maya, Upload("empty.pdf", []))).Errors.ShouldBe([("File", "The selected file is empty")]);
        (await service.AttachAsync(maya, Upload("setup.exe", [(byte)'M', (byte)'Z']))).Errors.ShouldBe([("File", AttachmentTypes.WrongType)]);
        var everything = await service.AttachAsync(maya, new AttachmentUpload("letter.pdf", new MemoryStream(Pdf), new string('x', 501),
            AttachmentStepKind.Assessment, elliesAssessment == Guid.Empty ? Guid.NewGuid() : elliesAssessment));
        everything.Errors.Select(e => e.Field).ShouldBe(["Description", "Step"]);
        (await service.AttachAsync(Guid.NewGuid(), Upload("letter.pdf", Pdf))).Outcome.ShouldBe(AttachOutcome.NotFound);

        (await db.Attachments.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task TheDatabaseStore_KeepsTheBytes_WithTheRowAndItsEvent_AndGivesThemBack()
    {
        var maya = await ChildAsync("Maya");
        Guid id;
        await using (var db = Context())
        {
            var result = await Service(db).AttachAsync(maya, Upload("C:\\scans\\discharge.pdf", Pdf, "  Hospital discharge letter  "));
            result.Outcome.ShouldBe(AttachOutcome.Attached);
            id = result.Id!.Value;
        }

        await using var read = Context();
        var row = await read.Attachments.SingleAsync(a => a.Id == id);
        row.FileName.ShouldBe("discharge.pdf");
        row.ContentType.ShouldBe("application/pdf");
        row.Size.ShouldBe(Pdf.Length);
        row.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Pdf)));
        row.Description.ShouldBe("Hospital discharge letter");
        row.UploadedBy.ShouldBe(Grace.UserId!.Value);
        row.Store.ShouldBe(DatabaseAttachmentStore.StoreName);
        (await read.AttachmentContents.SingleAsync(c => c.Key == row.StorageKey)).Content.ShouldBe(Pdf);
        var added = await read.Events.SingleAsync(e => e.Type == AttachmentAdded.Name && e.SubjectId == id);
        added.PersonId.ShouldBe(maya);
        added.ActorName.ShouldBe("Grace Lee");
        added.Summary.ShouldBe("Document attached: discharge.pdf (Hospital discharge letter)");

        var opened = (await Service(read).OpenAsync(maya, id)).ShouldNotBeNull();
        using var copy = new MemoryStream();
        await opened.Content.CopyToAsync(copy);
        copy.ToArray().ShouldBe(Pdf);
        opened.FileName.ShouldBe("discharge.pdf");
        (await Service(read).OpenAsync(await ChildAsync("Ellie"), id)).ShouldBeNull("a document is opened only from its own child's record");
    }

    [Fact]
    public async Task TheFolderStore_WritesUnderAKeyOfItsOwn_InsideItsFolder_WhateverTheFileIsCalled()
    {
        var maya = await ChildAsync("Maya");
        var root = Path.Combine(Path.GetTempPath(), $"safeguard-attach-{Guid.NewGuid():N}");
        var folder = Path.Combine(root, "store");
        try
        {
            var settings = new AttachmentSettings { Store = FolderAttachmentStore.StoreName, Folder = folder };
            var text = Encoding.UTF8.GetBytes("root:x:0:0:root:/root:/bin/bash\n");
            Guid id;
            await using (var db = Context())
            {
                var result = await Service(db, settings).AttachAsync(maya, Upload("../../etc/passwd.txt", text));
                result.Outcome.ShouldBe(AttachOutcome.Attached, string.Join("; ", result.Errors));
                id = result.Id!.Value;
            }

            await using var read = Context();
            var row = await read.Attachments.SingleAsync(a => a.Id == id);
            row.FileName.ShouldBe("passwd.txt");
            row.Store.ShouldBe(FolderAttachmentStore.StoreName);
            row.StorageKey.ShouldMatch("^[0-9a-f]{32}$");
            Directory.GetFiles(root, "*", SearchOption.AllDirectories).ShouldBe([Path.Combine(folder, row.StorageKey)]);
            (await File.ReadAllBytesAsync(Path.Combine(folder, row.StorageKey))).ShouldBe(text);
            (await read.AttachmentContents.AnyAsync(c => c.Key == row.StorageKey)).ShouldBeFalse();

            var opened = (await Service(read, settings).OpenAsync(maya, id)).ShouldNotBeNull();
            await using (opened.Content)
            {
                using var copy = new MemoryStream();
                await opened.Content.CopyToAsync(copy);
                copy.ToArray().ShouldBe(text);
            }
            var store = new FolderAttachmentStore(folder);
            (await store.OpenReadAsync("../../etc/passwd")).ShouldBeNull();
            (await store.OpenReadAsync("../" + row.StorageKey)).ShouldBeNull();
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task ADownload_IsAuditedAsAReading_NotAChangeToTheRecord()
    {
        var maya = await ChildAsync("Maya");
        await using var db = Context();
        var id = (await Service(db).AttachAsync(maya, Upload("plan.pdf", Pdf))).Id!.Value;
        var mark = await new ChangesSince(db).MarkAsync(maya);

        await using ((await Service(db).OpenAsync(maya, id))!.Content) { }

        var downloaded = await db.Events.SingleAsync(e => e.Type == AttachmentDownloaded.Name && e.SubjectId == id);
        downloaded.PersonId.ShouldBe(maya);
        downloaded.ActorName.ShouldBe("Grace Lee");
        downloaded.Summary.ShouldBe("Document downloaded: plan.pdf");
        EventCatalogue.ReadingNames.ShouldContain(AttachmentDownloaded.Name);
        (await new ChangesSince(db).ForPersonAsync(maya, mark)).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheChronology_ListsTheDocument_AsADocument_WithItsName_Description_AndTheAttachment()
    {
        var ellie = await ChildAsync("Ellie");
        await using var db = Context();
        var id = (await Service(db).AttachAsync(ellie, Upload("report.pdf", Pdf, "Hospital discharge letter"))).Id!.Value;

        var entries = (await new ChildChronologies(db).ForChildAsync(ellie, new ChronologyFilter(new HashSet<ChronologyKind> { ChronologyKind.Document }))).Entries;

        var entry = entries.ShouldHaveSingleItem();
        entry.What.ShouldBe("Document attached: report.pdf (Hospital discharge letter)");
        entry.Kind.ShouldBe(ChronologyKind.Document);
        ChronologyWording.Of(entry.Kind).ShouldBe("Document");
        (entry.SubjectType, entry.SubjectId).ShouldBe((Attachments.Attachments.SubjectType, (Guid?)id));
        entry.RecordedBy.ShouldBe("Grace Lee");
    }

    [Fact]
    public async Task ADocumentCanBelongToAStepOfTheChildsRecord_ListedWithItsStepInWords()
    {
        var maya = await ChildAsync("Maya");
        await using var db = Context();
        var service = Service(db);
        var step = (await service.StepsAsync(maya)).First(s => s.Kind == AttachmentStepKind.Assessment);

        var result = await service.AttachAsync(maya, new AttachmentUpload("assessment notes.txt", new MemoryStream("Notes"u8.ToArray()), null, step.Kind, step.Id));

        result.Outcome.ShouldBe(AttachOutcome.Attached);
        (await service.ListAsync(maya)).Single(l => l.Id == result.Id).Step.ShouldBe(step.Words);
        step.Words.ShouldStartWith("Child and family assessment started ");
    }
}
