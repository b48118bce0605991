using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Data.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.ToTable("Referrals");
        b.Property(x => x.SourceCode).HasMaxLength(4);
        b.Property(x => x.ClosureReason).HasMaxLength(4);
        b.Property(x => x.ClosureSummary).HasMaxLength(Closure.CaseClosures.SummaryMaxLength);
        b.Property(x => x.PrimaryNeedCode).HasMaxLength(2);
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        // A child's referrals, with what the returns ask of each in the index itself: a range of children's referrals open
        // in a period is found without reading the table (docs/returns.md, "A large council's Annex A").
        b.HasIndex(x => new { x.PersonId, x.ReferralDate, x.ClosedOn, x.Id });
        b.HasIndex(x => new { x.Status, x.ReferralDate });
        b.HasIndex(x => x.ReferralDate);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.ToTable("Assessments");
        b.Property(x => x.Factors).HasMaxLength(200);
        b.Property(x => x.Analysis).HasMaxLength(Assessments.ChildAndFamilyAssessments.TextMaxLength);
        b.Property(x => x.ChildsViews).HasMaxLength(Assessments.ChildAndFamilyAssessments.TextMaxLength);
        b.Property(x => x.OutcomeDetail).HasMaxLength(Assessments.ChildAndFamilyAssessments.OutcomeDetailMaxLength);
        b.Property(x => x.ReturnedReason).HasMaxLength(Assessments.ChildAndFamilyAssessments.OutcomeDetailMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.StartedOn);
        b.HasIndex(x => x.AuthorisedOn);
    }
}

internal sealed class ChildPlanConfiguration : IEntityTypeConfiguration<ChildPlan>
{
    public void Configure(EntityTypeBuilder<ChildPlan> b)
    {
        b.ToTable("ChildPlans");
        b.Property(x => x.Category).HasMaxLength(40);
        b.Property(x => x.InitialCategory).HasMaxLength(40);
        b.Property(x => x.EndReason).HasMaxLength(Conferences.ConferenceRules.NotesMaxLength);
        b.Property(x => x.Number).HasDefaultValue(1);
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => new { x.Kind, x.StartedOn });
    }
}
