using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// The child and family assessment as a worker records it (Safeguard.Core.Assessments): who is doing it, the child seen
/// (and seen alone), analysis, the child's views, the outcome, who completed and who authorised it, why a manager sent it
/// back, and a concurrency token. Existing assessments are given the worker who holds their referral.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261206000001_AssessmentRecord")]
public sealed class AssessmentRecord : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "WorkerId", table: "Assessments", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "ChildSeenOn", table: "Assessments", nullable: true);
        migrationBuilder.AddColumn<bool>(name: "SeenAlone", table: "Assessments", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Analysis", table: "Assessments", maxLength: 8000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ChildsViews", table: "Assessments", maxLength: 8000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "Outcome", table: "Assessments", maxLength: 40, nullable: true);
        migrationBuilder.AddColumn<string>(name: "OutcomeDetail", table: "Assessments", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "CompletedBy", table: "Assessments", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "AuthorisedBy", table: "Assessments", nullable: true);
        migrationBuilder.AddColumn<string>(name: "ReturnedReason", table: "Assessments", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<int>(name: "Version", table: "Assessments", nullable: false, defaultValue: 1);
        migrationBuilder.Sql("""
            UPDATE "Assessments" SET "WorkerId" = (SELECT r."AllocatedWorkerId" FROM "Referrals" r WHERE r."Id" = "Assessments"."ReferralId")
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[]
                 {
                     "Version", "ReturnedReason", "AuthorisedBy", "CompletedBy", "OutcomeDetail", "Outcome", "ChildsViews", "Analysis", "SeenAlone",
                     "ChildSeenOn", "WorkerId",
                 })
        {
            migrationBuilder.DropColumn(name: column, table: "Assessments");
        }
    }
}
