using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// Child protection conferences (initial and review), who attended by agency, and core group meetings
/// (Safeguard.Core.Conferences); each child protection plan's initial category, end reason, number among the child's
/// plans and a concurrency token. Existing plans keep their category as the initial one too.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261207000001_ChildProtectionConferences")]
public sealed class ChildProtectionConferences : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "InitialCategory", table: "ChildPlans", maxLength: 40, nullable: true);
        migrationBuilder.AddColumn<string>(name: "EndReason", table: "ChildPlans", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<int>(name: "Number", table: "ChildPlans", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<int>(name: "Version", table: "ChildPlans", nullable: false, defaultValue: 1);
        migrationBuilder.Sql("""UPDATE "ChildPlans" SET "InitialCategory" = "Category";""");

        migrationBuilder.CreateTable(
            name: "ChildProtectionConferences",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                ReferralId = table.Column<Guid>(nullable: false),
                Section47EnquiryId = table.Column<Guid>(nullable: true),
                ChildPlanId = table.Column<Guid>(nullable: true),
                HeldAt = table.Column<DateTime>(nullable: false),
                ChairId = table.Column<Guid>(nullable: false),
                RecordedBy = table.Column<Guid>(nullable: false),
                FamilyAttendance = table.Column<string>(maxLength: 40, nullable: false),
                FamilyAttendanceNotes = table.Column<string>(maxLength: 1000, nullable: false),
                Plan = table.Column<bool>(nullable: false),
                Category = table.Column<string>(maxLength: 40, nullable: true),
                DecisionReasons = table.Column<string>(maxLength: 8000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChildProtectionConferences", x => x.Id);
                table.ForeignKey(name: "FK_ChildProtectionConferences_People_PersonId", column: x => x.PersonId, principalTable: "People",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_ChildProtectionConferences_Referrals_ReferralId", column: x => x.ReferralId, principalTable: "Referrals",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_ChildProtectionConferences_PersonId", table: "ChildProtectionConferences", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_ChildProtectionConferences_ReferralId", table: "ChildProtectionConferences", column: "ReferralId");
        migrationBuilder.CreateIndex(name: "IX_ChildProtectionConferences_ChildPlanId", table: "ChildProtectionConferences", column: "ChildPlanId");
        migrationBuilder.CreateIndex(name: "IX_ChildProtectionConferences_Section47EnquiryId", table: "ChildProtectionConferences", column: "Section47EnquiryId");

        migrationBuilder.CreateTable(
            name: "ConferenceAttendees",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConferenceId = table.Column<Guid>(nullable: false),
                Agency = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConferenceAttendees", x => x.Id);
                table.ForeignKey(name: "FK_ConferenceAttendees_ChildProtectionConferences_ConferenceId", column: x => x.ConferenceId,
                    principalTable: "ChildProtectionConferences", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ConferenceAttendees_ConferenceId", table: "ConferenceAttendees", column: "ConferenceId");

        migrationBuilder.CreateTable(
            name: "CoreGroupMeetings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChildPlanId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Attendees = table.Column<string>(maxLength: 1000, nullable: false),
                Notes = table.Column<string>(maxLength: 8000, nullable: false),
                RecordedBy = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CoreGroupMeetings", x => x.Id);
                table.ForeignKey(name: "FK_CoreGroupMeetings_ChildPlans_ChildPlanId", column: x => x.ChildPlanId, principalTable: "ChildPlans",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_CoreGroupMeetings_ChildPlanId", table: "CoreGroupMeetings", column: "ChildPlanId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CoreGroupMeetings");
        migrationBuilder.DropTable(name: "ConferenceAttendees");
        migrationBuilder.DropTable(name: "ChildProtectionConferences");
        migrationBuilder.DropColumn(name: "Version", table: "ChildPlans");
        migrationBuilder.DropColumn(name: "Number", table: "ChildPlans");
        migrationBuilder.DropColumn(name: "EndReason", table: "ChildPlans");
        migrationBuilder.DropColumn(name: "InitialCategory", table: "ChildPlans");
    }
}
