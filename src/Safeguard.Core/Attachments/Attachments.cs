using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.Attachments;

public enum AttachOutcome { Attached, Invalid, NotFound }

public sealed record AttachResult(AttachOutcome Outcome, Guid? Id, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static readonly AttachResult NotFound = new(AttachOutcome.NotFound, null, []);

    public static AttachResult Invalid(IReadOnlyList<(string, string)> errors) => new(AttachOutcome.Invalid, null, errors);
}

/// <summary>A file as a worker chose it: the name their browser sent, and its bytes (null when no file was chosen).</summary>
public sealed record AttachmentUpload(string? FileName, Stream? Content, string? Description, AttachmentStepKind? StepKind = null, Guid? StepId = null);

/// <summary>An attached document as the documents page lists it.</summary>
public sealed record AttachmentLine(Guid Id, Guid PersonId, string FileName, string ContentType, long Size, string? Description, string? Step,
    string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>A document opened for download: what it is, and its bytes to send.</summary>
public sealed record OpenedAttachment(string FileName, string ContentType, long Size, Stream Content);

/// <summary>
/// Documents attached to a child's record or to one step of it (docs/attachments.md): checked (size, and type by name
/// and by content), kept through the configured store, listed, and opened for download with each download audited.
/// Attaching is append-only, so two people attaching at once both keep their files; nothing is ever deleted.
/// </summary>
public sealed class Attachments(SafeguardDbContext db, AttachmentStores stores, IOptions<AttachmentSettings> options)
{
    public const string SubjectType = nameof(Attachment);

    public const string NoFile = "Select a file";

    private AttachmentSettings Settings => options.Value;

    public string TooLarge => $"The file must be smaller than {AttachmentTypes.SizeWords(Settings.MaxBytes)}";

    /// <summary>Checks the file and what was typed, every problem at once; keeps the file and records it, with its event, when all is well.</summary>
    public async Task<AttachResult> AttachAsync(Guid personId, AttachmentUpload upload, CancellationToken ct = default)
    {
        if (db.Actor.UserId is not { } by) return AttachResult.Invalid([("", "Sign in again to attach a document")]);
        var records = await RecordsAsync(personId, ct);
        if (records is null) return AttachResult.NotFound;

        var errors = new List<(string, string)>();
        var fileName = AttachmentFileNames.Clean(upload.FileName);
        var bytes = upload.Content is null || fileName.Length == 0 ? null : await ReadAsync(upload.Content, ct);
        AttachmentType? type = null;
        if (bytes is null) errors.Add(("File", NoFile));
        else if (bytes.Length == 0) errors.Add(("File", "The selected file is empty"));
        else if (bytes.Length > Settings.MaxBytes) errors.Add(("File", TooLarge));
        else if (AttachmentTypes.Check(fileName, bytes, Settings.AllowedTypes) is { } problem) errors.Add(("File", problem));
        else type = AttachmentTypes.ByExtension(fileName);

        var description = string.IsNullOrWhiteSpace(upload.Description) ? null : upload.Description.Trim();
        if (description?.Length > Attachment.DescriptionMaxLength)
        {
            errors.Add(("Description", $"The description must be {Attachment.DescriptionMaxLength:N0} characters or fewer"));
        }
        if (upload.StepKind is { } kind && !await IsStepOfAsync(records, kind, upload.StepId, ct))
        {
            errors.Add(("Step", "Choose a step of the child\u2019s record from the list"));
        }
        if (errors.Count > 0) return AttachResult.Invalid(errors);

        var store = stores.ForWriting;
        // Another store writes the file now, before the row; the database store's bytes join the row's save.
        var key = await store.SaveAsync(new MemoryStream(bytes!, writable: false), ct);
        var attachment = new Attachment(personId, upload.StepKind, upload.StepKind is null ? null : upload.StepId, fileName, type!.ContentType,
            bytes!.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), description, by, db.Time.GetUtcNow(), store.Name, key);
        db.Attachments.Add(attachment);
        db.Record(new AttachmentAdded(attachment.Id, fileName, description, attachment.ContentType, attachment.Size, attachment.Sha256,
            attachment.StepKind, attachment.StepId), personId, SubjectType, attachment.Id);
        await db.SaveChangesAsync(ct);
        return new AttachResult(AttachOutcome.Attached, attachment.Id, []);
    }

    /// <summary>The child's documents (and those of records merged into theirs), the latest first.</summary>
    public async Task<IReadOnlyList<AttachmentLine>> ListAsync(Guid personId, CancellationToken ct = default)
    {
        var records = await db.WithMergedAsync(personId, ct);
        var rows = await (from a in db.Attachments.AsNoTracking()
                          where records.Contains(a.PersonId)
                          orderby a.UploadedAt descending, a.Id descending
                          select new
                          {
                              a.Id, a.PersonId, a.FileName, a.ContentType, a.Size, a.Description, a.StepKind, a.StepId, a.UploadedAt,
                              By = db.Users.Where(u => u.Id == a.UploadedBy).Select(u => u.DisplayName).FirstOrDefault(),
                          }).ToListAsync(ct);
        var steps = rows.Any(r => r.StepKind is not null)
            ? (await AttachmentSteps.ForChildAsync(db, records, ct)).ToDictionary(s => (s.Kind, s.Id), s => s.Words)
            : [];
        return rows.Select(r => new AttachmentLine(r.Id, r.PersonId, r.FileName, r.ContentType, r.Size, r.Description,
                r.StepKind is { } kind && r.StepId is { } id ? steps.GetValueOrDefault((kind, id)) : null, r.By ?? "", r.UploadedAt))
            .ToList();
    }

    /// <summary>The steps of the child's record a document can belong to.</summary>
    public async Task<IReadOnlyList<AttachmentStep>> StepsAsync(Guid personId, CancellationToken ct = default) =>
        await AttachmentSteps.ForChildAsync(db, await db.WithMergedAsync(personId, ct), ct);

    /// <summary>
    /// The document to download, when it is on the child's record; the download is recorded (a reading of the record)
    /// before it is returned. Null when there is no such document on this child's record.
    /// </summary>
    public async Task<OpenedAttachment?> OpenAsync(Guid personId, Guid attachmentId, CancellationToken ct = default)
    {
        var records = await db.WithMergedAsync(personId, ct);
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && records.Contains(a.PersonId), ct);
        if (attachment is null) return null;
        var content = await (stores.Find(attachment.Store)
                ?? throw new InvalidOperationException($"Attachment {attachment.Id} is kept in the {attachment.Store} store, which is not configured."))
            .OpenReadAsync(attachment.StorageKey, ct)
            ?? throw new InvalidOperationException($"Attachment {attachment.Id} has no file in the {attachment.Store} store.");
        db.Record(new AttachmentDownloaded(attachment.Id, attachment.FileName), personId, SubjectType, attachment.Id);
        await db.SaveChangesAsync(ct);
        return new OpenedAttachment(attachment.FileName, attachment.ContentType, attachment.Size, content);
    }

    /// <summary>The child's record and those merged into it; null when there is no such person, or they were merged into another.</summary>
    private async Task<List<Guid>?> RecordsAsync(Guid personId, CancellationToken ct) =>
        await db.People.AsNoTracking().AnyAsync(p => p.Id == personId && p.MergedIntoPersonId == null, ct) ? await db.WithMergedAsync(personId, ct) : null;

    private async Task<bool> IsStepOfAsync(List<Guid> records, AttachmentStepKind kind, Guid? stepId, CancellationToken ct)
    {
        if (stepId is not { } id) return false;
        return kind switch
        {
            AttachmentStepKind.Contact => await db.ContactChildren.AnyAsync(c => c.ContactId == id && records.Contains(c.PersonId), ct),
            AttachmentStepKind.Assessment => await db.Assessments.AnyAsync(a => a.Id == id && records.Contains(a.PersonId), ct),
            AttachmentStepKind.StrategyDiscussion => await db.StrategyDiscussions.AnyAsync(s => s.Id == id && records.Contains(s.PersonId), ct),
            AttachmentStepKind.Conference => await db.ChildProtectionConferences.AnyAsync(c => c.Id == id && records.Contains(c.PersonId), ct),
            AttachmentStepKind.Plan => await db.ChildPlans.AnyAsync(p => p.Id == id && records.Contains(p.PersonId), ct),
            AttachmentStepKind.CaseNote => await db.CaseNotes.AnyAsync(n => n.Id == id && records.Contains(n.PersonId), ct),
            _ => false,
        };
    }

    /// <summary>The upload's bytes, reading at most one byte more than the limit: enough to know it is too large.</summary>
    private async Task<byte[]> ReadAsync(Stream content, CancellationToken ct)
    {
        var limit = Settings.MaxBytes + 1;
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while (copy.Length < limit && (read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - copy.Length)), ct)) > 0)
        {
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }
}
