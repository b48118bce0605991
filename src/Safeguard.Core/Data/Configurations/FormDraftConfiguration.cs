using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Drafts;

namespace Safeguard.Core.Data.Configurations;

internal sealed class FormDraftConfiguration : IEntityTypeConfiguration<FormDraft>
{
    public void Configure(EntityTypeBuilder<FormDraft> b)
    {
        b.ToTable("FormDrafts");
        b.Property(x => x.Form).HasMaxLength(FormDraft.FormMaxLength);
        b.Property(x => x.Fields).HasMaxLength(FormDraft.FieldsMaxLength);
        b.HasIndex(x => new { x.UserId, x.Form }).IsUnique();
    }
}
