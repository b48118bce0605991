using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.Attachments;

/// <summary>The step of a child's casework a document belongs to; a document with no step belongs to the record as a whole.</summary>
public enum AttachmentStepKind { Contact, Assessment, StrategyDiscussion, Conference, Plan, CaseNote }

/// <summary>
/// A file attached to a child's record, or to one step of it (docs/attachments.md): what it is called, its type, size and
/// SHA-256, what the worker said it is, who attached it and when, and where its store keeps the bytes. Never changed and
/// never deleted: the record is permanent.
/// </summary>
public sealed class Attachment : IAudited
{
    private Attachment() { }

    public Attachment(Guid personId, AttachmentStepKind? stepKind, Guid? stepId, string fileName, string contentType, long size, string sha256,
        string? description, Guid uploadedBy, DateTimeOffset uploadedAt, string store, string storageKey)
    {
        Id = NewId.Next();
        PersonId = personId;
        StepKind = stepKind;
        StepId = stepId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        Description = description;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
        Store = store;
        StorageKey = storageKey;
    }

    public const int FileNameMaxLength = 255, ContentTypeMaxLength = 100, DescriptionMaxLength = 500, StoreMaxLength = 40, StorageKeyMaxLength = 100;

    public Guid Id { get; private set; }

    /// <summary>The child whose record it is on.</summary>
    public Guid PersonId { get; private set; }

    public AttachmentStepKind? StepKind { get; private set; }
    public Guid? StepId { get; private set; }

    /// <summary>The name it was uploaded with, made safe (<see cref="AttachmentFileNames.Clean"/>): shown and offered on download, never used to store it.</summary>
    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    /// <summary>Bytes.</summary>
    public long Size { get; private set; }

    /// <summary>The SHA-256 of the bytes, lower-case hex: shows the file is the one that was attached.</summary>
    public string Sha256 { get; private set; } = "";

    public string? Description { get; private set; }
    public Guid UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The store that holds the bytes (<see cref="IAttachmentStore.Name"/>), so a council that changes store can still read older files.</summary>
    public string Store { get; private set; } = "";

    /// <summary>The store's own key for the bytes: generated, never the user's file name.</summary>
    public string StorageKey { get; private set; } = "";

    Guid? IAudited.AuditPersonId => PersonId;
}

/// <summary>The bytes of an attachment kept by the database store (<see cref="DatabaseAttachmentStore"/>), in their own table so listing attachments never reads them.</summary>
public sealed class AttachmentContent
{
    private AttachmentContent() { }

    public AttachmentContent(string key, byte[] content)
    {
        Key = key;
        Content = content;
    }

    public string Key { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
}
