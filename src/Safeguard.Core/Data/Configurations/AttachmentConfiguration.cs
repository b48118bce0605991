using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Attachments;
using Safeguard.Core.People;

namespace Safeguard.Core.Data.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("Attachments");
        b.Property(x => x.FileName).HasMaxLength(Attachment.FileNameMaxLength);
        b.Property(x => x.ContentType).HasMaxLength(Attachment.ContentTypeMaxLength);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Description).HasMaxLength(Attachment.DescriptionMaxLength);
        b.Property(x => x.Store).HasMaxLength(Attachment.StoreMaxLength);
        b.Property(x => x.StorageKey).HasMaxLength(Attachment.StorageKeyMaxLength);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PersonId, x.UploadedAt });
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> b)
    {
        b.ToTable("AttachmentContents");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(Attachment.StorageKeyMaxLength);
    }
}
