using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// Strategy discussions and who took part by agency (Safeguard.Core.Enquiries), and each section 47 enquiry's initial
/// conference target (15 working days after the strategy discussion that began it, moved by a later one), the reasons for its
/// outcome, and a concurrency token.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261206000002_StrategyDiscussions")]
public sealed class StrategyDiscussions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(name: "InitialConferenceTargetOn", table: "Section47Enquiries", nullable: true);
        migrationBuilder.AddColumn<string>(name: "OutcomeReasons", table: "Section47Enquiries", maxLength: 8000, nullable: true);
        migrationBuilder.AddColumn<int>(name: "Version", table: "Section47Enquiries", nullable: false, defaultValue: 1);

        migrationBuilder.CreateTable(
            name: "StrategyDiscussions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                ReferralId = table.Column<Guid>(nullable: false),
                HeldAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<Guid>(nullable: false),
                InformationShared = table.Column<string>(maxLength: 8000, nullable: false),
                Section47 = table.Column<bool>(nullable: false),
                DecisionReasons = table.Column<string>(maxLength: 8000, nullable: false),
                PoliceAbsentReason = table.Column<string>(maxLength: 1000, nullable: true),
                HealthAbsentReason = table.Column<string>(maxLength: 1000, nullable: true),
                EducationAbsentReason = table.Column<string>(maxLength: 1000, nullable: true),
                Section47EnquiryId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                table.ForeignKey(name: "FK_StrategyDiscussions_People_PersonId", column: x => x.PersonId, principalTable: "People",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_StrategyDiscussions_Referrals_ReferralId", column: x => x.ReferralId, principalTable: "Referrals",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_StrategyDiscussions_PersonId", table: "StrategyDiscussions", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_StrategyDiscussions_ReferralId", table: "StrategyDiscussions", column: "ReferralId");

        migrationBuilder.CreateTable(
            name: "StrategyParticipants",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                StrategyDiscussionId = table.Column<Guid>(nullable: false),
                Agency = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StrategyParticipants", x => x.Id);
                table.ForeignKey(name: "FK_StrategyParticipants_StrategyDiscussions", column: x => x.StrategyDiscussionId,
                    principalTable: "StrategyDiscussions", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_StrategyParticipants_StrategyDiscussionId", table: "StrategyParticipants", column: "StrategyDiscussionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "StrategyParticipants");
        migrationBuilder.DropTable(name: "StrategyDiscussions");
        migrationBuilder.DropColumn(name: "Version", table: "Section47Enquiries");
        migrationBuilder.DropColumn(name: "OutcomeReasons", table: "Section47Enquiries");
        migrationBuilder.DropColumn(name: "InitialConferenceTargetOn", table: "Section47Enquiries");
    }
}
