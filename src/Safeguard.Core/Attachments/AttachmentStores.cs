using Microsoft.Extensions.Options;

namespace Safeguard.Core.Attachments;

/// <summary>
/// The store new files go to (<c>Attachments:Store</c>), and the store of each older file by the name its row keeps, so
/// a council that moves to another store can still read what was attached before. A council's own store (an object
/// store) is an <see cref="IAttachmentStore"/> registered in the services (docs/attachments.md).
/// </summary>
public sealed class AttachmentStores(DatabaseAttachmentStore database, IEnumerable<IAttachmentStore> added, IOptions<AttachmentSettings> options)
{
    private FolderAttachmentStore? _folder;

    public IAttachmentStore ForWriting => Find(options.Value.Store)
        ?? throw new InvalidOperationException($"Attachments:Store is \u2018{options.Value.Store}\u2019, which is not a store Safeguard has: "
            + "use Database, or Folder with Attachments:Folder set (docs/attachments.md).");

    public IAttachmentStore? Find(string name)
    {
        if (string.Equals(name, DatabaseAttachmentStore.StoreName, StringComparison.OrdinalIgnoreCase)) return database;
        if (string.Equals(name, FolderAttachmentStore.StoreName, StringComparison.OrdinalIgnoreCase))
        {
            return options.Value.Folder is { Length: > 0 } folder ? _folder ??= new FolderAttachmentStore(folder) : null;
        }
        return added.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
