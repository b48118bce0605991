using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.People;

namespace Safeguard.Core.Data.Configurations;

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> b)
    {
        b.ToTable("CaseNotes");
        b.Property(x => x.Participants).HasMaxLength(CaseNoteRules.ParticipantsMaxLength);
        b.Property(x => x.Note).HasMaxLength(CaseNoteRules.NoteMaxLength);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PersonId, x.OccurredAt });
    }
}
